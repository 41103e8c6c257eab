# Machine translation with DeepL: the translation editor offers "Translate with DeepL",
# which fills the segments nobody has translated yet.
import os

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "OPTIONS": {
        # From the environment, never from the repository. A DeepL API Free key ends
        # in ":fx" and is sent to DeepL's free endpoint.
        "AUTH_KEY": os.environ["DEEPL_API_KEY"],
    },
}
