/*
 * wagtail-localize's translation editor in the admin's language.
 *
 * The editor is a React app. Two of its labels are written in English in its code rather
 * than through gettext: each section's heading, "<source> to <target> translation", and the
 * hidden "More actions" of its menu. This puts them through the catalogue as React draws them.
 *
 * Wagtail's and wagtail-localize's own scripts translate the other labels, but their Swedish
 * catalogues lack some ("Search options…") or get them wrong ("Publish in " without its
 * space). The package's JavaScript catalogue carries those, loaded after theirs; they are
 * listed here so that `makemessages -d djangojs` keeps them.
 */
(() => {
  const upstream = [
    // wagtail-localize's translation editor
    gettext_noop("Publish in "),
    gettext_noop("Translate with "),
    gettext_noop("Translate all missing strings with "),
    gettext_noop("Uses %s version"),
    gettext_noop("Applying editor lock"),
    gettext_noop("Removing editor lock"),
    gettext_noop("Stopping Synced translation"),
    // Wagtail's editor
    gettext_noop("Search options…"),
    gettext_noop("Autosave in progress…"),
    gettext_noop("Changes have been autosaved."),
    gettext_noop("A network error occurred."),
    gettext_noop("A server error occurred."),
    gettext_noop("Pin toolbar"),
    gettext_noop("Unpin toolbar"),
  ];
  void upstream;

  const sectionHeading = / to (.+) translation$/;

  function relabel(editor) {
    for (const hidden of editor.querySelectorAll(".w-dropdown__toggle .w-sr-only")) {
      if (hidden.textContent === "More actions") {
        hidden.textContent = gettext("More actions");
      }
    }
    for (const heading of editor.querySelectorAll("section h3")) {
      const text = heading.textContent;
      const match = sectionHeading.exec(text);
      if (match && !heading.dataset.kommunnatverkLabel) {
        const source = text.slice(0, match.index);
        heading.dataset.kommunnatverkLabel = "done";
        heading.textContent = interpolate(
          gettext("%(source)s to %(target)s translation"),
          { source, target: match[1] },
          true,
        );
      }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) {
      return;
    }
    relabel(editor);
    new MutationObserver(() => relabel(editor)).observe(editor, {
      childList: true,
      subtree: true,
    });
  });
})();
