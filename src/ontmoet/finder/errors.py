"""Messages of the public pages that tests assert on (Dutch, translatable)."""

from django.utils.translation import gettext_lazy as _

TOO_MANY = _("Er zijn vanaf uw verbinding al veel ideeën gestuurd. Probeer het over een uur nog eens.")
PLACE_BUSY = _("Deze plek heeft vandaag al veel ideeën gekregen. Probeer het morgen nog eens.")
LOOKS_LIKE_SPAM = _("Uw bericht lijkt automatisch verstuurd. Vul het formulier opnieuw in.")
TOO_MANY_LINKS = _("Zet hoogstens twee links in uw idee.")
