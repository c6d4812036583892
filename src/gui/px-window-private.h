/* px-window-private.h: what px-window.c and px-window-actions.c share
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-article-list-model.h"
#include "px-article-view.h"
#include "px-comparison-view.h"
#include "px-event-sidebar.h"
#include "px-filter-button.h"
#include "px-exporter.h"
#include "px-notes-pane.h"
#include "px-importer.h"
#include "px-library-monitor.h"
#include "px-store.h"
#include "px-store-events.h"
#include "px-window.h"

G_BEGIN_DECLS

typedef struct _PxWindowNotes PxWindowNotes;

struct _PxWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GMenuModel *primary_menu;
  GtkMenuButton *empty_menu_button;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  AdwWindowTitle *library_title;
  GtkMenuButton *library_menu_button;
  GtkSearchEntry *search_entry;
  PxFilterButton *filter_button;
  GtkStack *sidebar_stack;
  GtkListView *article_list;
  GtkListView *search_list;
  AdwStatusPage *no_results_page;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  PxArticleView *article_view;      /* NULL until an article is first shown: px-window.c */
  AdwViewStack *library_stack;      /* events | articles */
  PxEventSidebar *event_sidebar;
  PxComparisonView *comparison_view;  /* NULL until a comparison opens: px-window-comparison.c */
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkToggleButton *notes_button;
  AdwFlap *notes_flap;
  PxNotesPane *notes_pane;          /* NULL until the notes first open: px-window-notes.c */

  /* owned */
  char *db_path;
  PxStore *store;                   /* NULL when the library could not be opened */
  PxLibraryMonitor *library_monitor;  /* tells of other programs' changes to it */
  PxArticleListModel *articles;
  GtkSliceListModel *article_rows;  /* the articles the list shows: px-first-rows.c */
  GtkSingleSelection *article_selection;
  GListStore *search_results;
  char *search_query;               /* the FTS5 query the results are for */
  GtkSingleSelection *search_selection;
  GSettings *settings;
  GtkFileChooserNative *chooser;    /* held until it answers */
  PxImporter *importer;             /* the running import, or NULL */
  GCancellable *import_cancellable;
  GApplication *import_application; /* held while an import runs */
  GPtrArray *queued_paths;          /* files dropped while an import runs */
  GArray *last_imported;            /* gint64 ids the last import stored, for undo */
  char *import_details;             /* the failures and warnings of the last import, for the dialog */
  gboolean import_failed;           /* some file of it could not be imported */
  PxWindowNotes *notes;             /* px-window-notes.c's state */
  PxEventSnapshot *event_undo;      /* the events before the last change to them */
  GArray *event_undo_ids;           /* gint64: every event that change touched */
  AdwToast *event_toast;            /* its toast, dismissed by the next change */
};

void   _px_window_class_init_actions (GtkWidgetClass *widget_class);
void   _px_window_init_event_actions (PxWindow       *self);
void   _px_window_update_actions     (PxWindow       *self);
void   _px_window_reload             (PxWindow       *self);
void   _px_window_notify_importing   (PxWindow       *self);
void   _px_window_import_sorted  (PxWindow       *self,
                                      GPtrArray      *paths);
void   _px_window_show_error         (PxWindow       *self,
                                      const char     *heading,
                                      const GError   *error);
char  *_px_window_describe_import    (GPtrArray      *results,
                                      char          **details);
PxArticleView *_px_window_ensure_article_view   (PxWindow *self);
/* px-window-comparison.c */
void   _px_window_init_comparison    (PxWindow       *self);
PxComparisonView *_px_window_ensure_comparison_view (PxWindow *self);
void   _px_window_reload_events      (PxWindow       *self);

/* px-window-notes.c */
void     _px_window_class_init_notes (GtkWidgetClass *widget_class);
void     _px_window_init_notes       (PxWindow       *self);
void     _px_window_open_notes       (PxWindow       *self);
void     _px_window_reload_notes     (PxWindow       *self);
void     _px_window_watch_article_notes    (PxWindow *self);
void     _px_window_watch_comparison_notes (PxWindow *self);
void     _px_window_dispose_notes    (PxWindow       *self);
void     _px_window_export           (PxWindow       *self,
                                      PxExporter     *exporter,
                                      GFile          *file);
gboolean _px_window_print            (PxWindow       *self,
                                      const char     *export_filename,
                                      GError        **error);

G_END_DECLS
