# Machine translation with Google Cloud Translation (pip install google-cloud-translate).
import os

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
    "OPTIONS": {
        "PROJECT_ID": os.environ["GOOGLE_CLOUD_PROJECT"],
        # Google's client reads the service account's key file from the path in
        # GOOGLE_APPLICATION_CREDENTIALS, so no credentials are in the settings.
    },
}
