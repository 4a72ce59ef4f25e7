import django.core.validators
import ontmoet.core.validators
import ontmoet.places.opening_hours
from django.db import migrations, models


def keep_unreadable_hours(apps, schema_editor):
    """Hours typed before the syntax was checked and not readable now move into the description, word for
    word, so that nothing is lost and the place can still be saved; the board enters them anew."""
    from ontmoet.domain.opening_hours import OpeningHoursError, parse_opening_hours

    place_model = apps.get_model("places", "MeetingPlace")
    for place in place_model.objects.exclude(opening_hours=""):
        try:
            parse_opening_hours(place.opening_hours)
        except OpeningHoursError:
            note = f"Openingstijden: {place.opening_hours}"
            place.description = f"{place.description}\n\n{note}".strip() if place.description else note
            place.opening_hours = ""
            place.save(update_fields=["description", "opening_hours"])


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0003_public_source_and_type_entries'),
    ]

    operations = [
        migrations.RunPython(keep_unreadable_hours, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='meetingplace',
            name='opening_hours',
            field=models.TextField(blank=True, help_text='In de notatie van OpenStreetMap, bijvoorbeeld Mo-Fr 09:00-17:00; Sa 10:00-12:30; PH off. Dagen: Mo Tu We Th Fr Sa Su, PH voor feestdagen; off voor gesloten.', validators=[ontmoet.core.validators.PlainText(multiline=True), django.core.validators.MaxLengthValidator(2000), ontmoet.places.opening_hours.OpeningHoursValidator()], verbose_name='openingstijden'),
        ),
    ]
