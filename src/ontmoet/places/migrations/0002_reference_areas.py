"""Load the CBS wijken and buurten of Maastricht: reference data every installation needs."""

from django.db import migrations


def forwards(apps, schema_editor):
    from ontmoet.places.reference_data import load_reference_areas

    load_reference_areas(apps.get_model("places", "District"), apps.get_model("places", "Neighbourhood"))


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
