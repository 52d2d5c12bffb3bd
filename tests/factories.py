import datetime
import itertools

import factory

from opd.choices import JenisOpd, StatusPegawai
from opd.models import Opd, Pegawai, PenugasanPeran
from sipd.models import User

_unit = itertools.count(1)
_seq = itertools.count(1)


def nip_for(seq: int, *, lahir=datetime.date(1985, 3, 14), tmt="201001", kelamin="1") -> str:
    # The 3-digit sequence runs 001–999; beyond that the birth date moves on, keeping numbers unique.
    lahir += datetime.timedelta(days=seq // 999)
    return f"{lahir:%Y%m%d}{tmt}{kelamin}{seq % 999 + 1:03d}"


def nik_for(seq: int, *, wilayah="321501", lahir=datetime.date(1995, 7, 9), perempuan=False) -> str:
    day = lahir.day + (40 if perempuan else 0)
    return f"{wilayah}{day:02d}{lahir:%m%y}{seq % 9999 + 1:04d}"


class OpdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opd

    kode = factory.LazyFunction(lambda: f"1.02.0.00.0.00.{next(_unit) % 100 or 1:02d}.0000")
    nama = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    singkatan = factory.Sequence(lambda n: f"DC{n}")
    jenis = JenisOpd.DINAS
    urusan = factory.LazyFunction(lambda: ["1.02"])


class UnitFactory(OpdFactory):
    jenis = JenisOpd.BIDANG
    induk = factory.SubFactory(OpdFactory)
    kode = factory.LazyAttribute(lambda o: o.induk.kode[:-4] + f"{next(_unit) % 10000 or 1:04d}")


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nama = factory.Faker("name", locale="id_ID")
    status = StatusPegawai.PNS
    nip = factory.LazyFunction(lambda: nip_for(next(_seq)))
    opd = factory.SubFactory(OpdFactory)
    jabatan = "Analis Kebijakan"

    class Params:
        non_asn = factory.Trait(
            status=StatusPegawai.NON_ASN,
            nip=None,
            nik=factory.LazyFunction(lambda: nik_for(next(_seq))),
            upah_bpjs=2_000_000,
        )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@sipd.test")
    password = factory.PostGenerationMethodCall("set_password", "rahasia-sekali-123")

    @factory.post_generation
    def peran(self, create, extracted, **kwargs):
        """UserFactory(peran=[("operator_opd", opd), ("bappeda", None)])."""
        if create:
            self.save()
            for role, opd in extracted or ():
                PenugasanPeran.objects.create(user=self, peran=role, opd=opd)


class PenugasanPeranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PenugasanPeran
