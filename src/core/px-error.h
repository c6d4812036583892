/* px-error.h: error domains of the core library
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PX_ERROR (px_error_quark ())
#define PX_STORE_ERROR (px_store_error_quark ())

typedef enum
{
  PX_ERROR_FAILED,
  PX_ERROR_INVALID_INPUT,  /* the file is not what its name says, or is malformed */
  PX_ERROR_EMPTY,          /* nothing readable in the file */
  PX_ERROR_TOO_LARGE,      /* above the configured size limit */
  PX_ERROR_UNSUPPORTED,    /* a format Parallax does not read */
  PX_ERROR_NOT_FOUND,
} PxError;

typedef enum
{
  PX_STORE_ERROR_FAILED,
  PX_STORE_ERROR_NEWER_SCHEMA, /* written by a newer Parallax */
  PX_STORE_ERROR_CORRUPT,      /* not a Parallax library, or damaged */
  PX_STORE_ERROR_NOT_FOUND,
  PX_STORE_ERROR_QUERY,        /* a search query FTS5 cannot parse */
  PX_STORE_ERROR_BUSY,
  PX_STORE_ERROR_READ_ONLY,
  PX_STORE_ERROR_FULL,
} PxStoreError;

GQuark px_error_quark (void);
GQuark px_store_error_quark (void);

G_END_DECLS
