"""Labels of Wagtail and wagtail-localize that their Swedish catalogues lack or get wrong.

An editor whose admin is Swedish met "Exploring", "1-3 of 3 sidor", "Date updated" and
"Plats" for a language. The package's catalogue can carry these: Django looks a msgid up in
the apps in ``INSTALLED_APPS`` order, and the package comes before Wagtail's apps there (the
tutorial and the system check ask for it). ``makemessages --no-obsolete`` keeps only the msgids
it finds in the package's code, so they are listed here, marked but never translated at import.
The msgids must stay byte for byte those of the upstream code; tests/test_admin_language.py
checks that each is in an upstream catalogue and that the package's Swedish wins.

The strings of the admin's JavaScript are in ``static/kommunnatverk/js/admin-labels.js``.
"""

from django.utils.translation import gettext_noop

UPSTREAM_MESSAGES: tuple[str, ...] = (
    # Page explorer (wagtail/admin/views/pages/listing.py and its templates)
    gettext_noop("Exploring"),
    gettext_noop("Date updated"),
    gettext_noop("Any"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    gettext_noop("Page/Snippet Type"),
    gettext_noop("Sort item order"),
    gettext_noop("Item %(index)s of %(total)s"),  # Wagtail's Swedish says "Object"
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Enable custom ordering"),
    # Every listing's and chooser's language filter; Wagtail's Swedish says "Plats"
    gettext_noop("Locale"),
    # Editing a page or snippet: side panels, autosave, scheduling, other editors
    gettext_noop("Side panels"),
    gettext_noop("Side panel width"),
    gettext_noop("Minimap"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("Anyone with editing permissions can create schedules"),
    gettext_noop("But only those with publishing permissions can make them effective."),
    gettext_noop("Go-live:"),
    gettext_noop("Expiry:"),
    gettext_noop("Once scheduled:"),
    gettext_noop("Invalid schedule"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Refresh"),
    gettext_noop("Refreshing…"),
    gettext_noop("You saved a new version in another window"),
    gettext_noop("%(user_name)s saved a new version"),
    gettext_noop("View latest version"),
    gettext_noop("%(user_name)s has unsaved changes"),
    gettext_noop("Currently idle"),
    gettext_noop("Currently viewing"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Compare"),
    gettext_noop("Show issue"),
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("Changing the privacy for this page has been disabled."),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("account"),
    gettext_noop("- Select an option -"),
    # The content checks in the editor's side panel
    gettext_noop("Button text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Link text is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    # Messages after saving
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("Create a new %(model_name)s"),
    gettext_noop("'%(page_title)s' has been moved successfully."),
    gettext_noop("The page could not be saved as it is locked."),
    # wagtail-localize: syncing a translation
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        'language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop("Back"),
    gettext_noop("Usage"),
)
