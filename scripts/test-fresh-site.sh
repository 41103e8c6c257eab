#!/usr/bin/env bash
# make test-fresh-site: follows docs/tutorial/install.md twice, from the tutorial's own
# text (scripts/tutorial_blocks.py reads its code blocks and commands): on a brand-new
# `wagtail start` project, and on one first migrated in en-us with a page of its own.
# Both install the built wheel, build a network under their own home page, and read it
# back through the admin, the pages and the API (scripts/fresh_site_content.py).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$SECONDS

rm -rf dist
.venv/bin/python -m build --wheel --outdir dist . >/dev/null
wheel=$(ls "$repo"/dist/kommunnatverk-*.whl)

work=$(mktemp -d -t kommunnatverk-fresh-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --upgrade pip

tutorial() { python3 "$repo/scripts/tutorial_blocks.py" "$@"; }
manage() { "$py" manage.py "$@"; }

# The console commands of a step, as the reader types them: `pip install kommunnatverk`
# installs the built wheel; runserver is left out (the checks use Django's test client
# in the processes that change things, as a running server would); the task worker runs
# with --batch, so that it stops when the queue is empty.
run_step() {
    local line
    while IFS= read -r line; do
        echo "    \$ $line"
        case "$line" in
            "pip install kommunnatverk") "$py" -m pip install --quiet "$wheel" ;;
            "python manage.py runserver"*) ;;
            "python manage.py kommunnatverk_worker"*)
                eval "\"$py\" ${line#python } --batch --no-reload --no-startup-delay" ;;
            "python manage.py "*) eval "\"$py\" ${line#python }" ;;
            *) echo "FAILED: the tutorial's step $1 runs '$line', which this test does not know"
               exit 1 ;;
        esac
    done < <(tutorial commands "$1")
}

# Before step 5's locale change the site has served a page, so Wagtail's caches are
# filled as a running server's are; after it, in the same process, the pages must be at
# their Swedish addresses (issue 16: they stayed at /en/… until a restart).
locale_change() {
    cat <<'PY'
import sys
from django.test import Client
from wagtail.models import Site
Client(raise_request_exception=False).get("/")
if [p.language_code for p in Site.get_site_root_paths()] != ["en"]:
    sys.exit(f"FAILED: the site's root paths before: {Site.get_site_root_paths()}")
PY
    tutorial block "python manage.py shell: a site first migrated in en-us"
    cat <<'PY'

home = Site.objects.get(is_default_site=True).root_page.specific
about = home.get_children().get(slug="about-us")
if (home.url, about.url) != ("/", "/about-us/"):
    sys.exit(f"FAILED: after the change of locale, the pages are at {home.url}, {about.url}")
response = Client().get(about.url)
if response.status_code != 200 or response["Content-Language"] != "sv":
    sys.exit(f"FAILED: {about.url} answered {response.status_code} in {response.get('Content-Language')}")
print("    The en-us pages are Swedish pages at once, in the same process.")
PY
}

follow() {
    local kind=$1
    echo "== The tutorial on $kind"
    cd "$work"
    "$work/venv/bin/wagtail" start "site_$kind" >/dev/null
    cd "site_$kind"
    if [ "$kind" = existing ]; then
        # A site that runs already: migrated with wagtail start's LANGUAGE_CODE "en-us",
        # with a page of its own under the home page.
        manage migrate --no-input >/dev/null
        manage shell -c "
from wagtail.models import Page
home = Page.objects.get(depth=2)
home.add_child(instance=Page(title='About us', slug='about-us')).save_revision().publish()"
    fi
    run_step 1
    tutorial block "settings/base.py" >> "site_$kind/settings/base.py"     # step 2
    tutorial block "urls.py" > "site_$kind/urls.py"                         # step 3
    manage check --fail-level WARNING
    run_step 4 >/dev/null
    if [ "$kind" = existing ]; then
        locale_change | manage shell                                           # step 5
    fi
    tutorial block "python manage.py shell" | manage shell                   # step 5
    run_step 6
    manage collectstatic --no-input >/dev/null
    run_step 7
    TUTORIAL_LINKS="$(tutorial links 12)" SITE_KIND="$kind" \
        manage shell < "$repo/scripts/fresh_site_content.py"                # steps 8-12
    # The deployment checks' page tree check (kommunnatverk.E007) on the tree just made.
    manage check --deploy --database default --tag database
}

"$py" -m pip install --quiet "$wheel"  # for `wagtail start`; step 1 installs it again
# FRESH_SITE_PATHS=existing runs one path only, while working on it.
for kind in ${FRESH_SITE_PATHS:-new existing}; do
    follow "$kind"
done
echo "test-fresh-site: ${FRESH_SITE_PATHS:-new existing} passed in $((SECONDS - started)) s"
