"""Identity numbers (NIP, NIK) and the SIPD unit code: what is accepted, and the message a user reads."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from opd.validators import parse_kode_unit, validate_urusan
from sipd.forms import PemdaForm
from sipd.validators import parse_nik, parse_nip, validate_nip


def _error(func, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


class TestNip:
    @pytest.mark.parametrize(
        ("nip", "pppk", "lahir", "tmt", "kelamin"),
        [
            # PNS born 14 March 1985, TMT January 2010, male, sequence 001.
            ("198503142010011001", False, datetime.date(1985, 3, 14), (2010, 1), "L"),
            # Female PNS, TMT December.
            ("199012312015122003", False, datetime.date(1990, 12, 31), (2015, 12), "P"),
            # PPPK: year of appointment followed by "21" in the month position.
            ("198503142021211001", True, datetime.date(1985, 3, 14), (2021, 21), "L"),
        ],
    )
    def test_valid(self, nip, pppk, lahir, tmt, kelamin):
        assert parse_nip(nip, pppk=pppk) == {"tanggal_lahir": lahir, "tmt": tmt, "jenis_kelamin": kelamin}

    def test_pppk_month_is_refused_for_a_pns(self):
        assert _error(parse_nip, "198503142021211001", pppk=False).code == "nip_tmt"

    @pytest.mark.parametrize(
        ("nip", "code", "message"),
        [
            ("19850314201001100", "nip_format", "NIP harus 18 digit angka."),
            ("1985031420100110011", "nip_format", "NIP harus 18 digit angka."),
            ("19850314201001100A", "nip_format", "NIP harus 18 digit angka."),
            ("1985 0314 201001 1 001", "nip_format", "NIP harus 18 digit angka."),
            ("", "nip_format", "NIP harus 18 digit angka."),
            ("198513322010011001", "nip_lahir", "NIP: 8 digit pertama bukan tanggal lahir yang sah."),
            ("198502302010011001", "nip_lahir", "NIP: 8 digit pertama bukan tanggal lahir yang sah."),
            ("183503142010011001", "nip_lahir", "NIP: 8 digit pertama bukan tanggal lahir yang sah."),
            ("198503142010131001", "nip_tmt", "NIP: digit 9–14 bukan TMT (tahun dan bulan) yang sah."),
            ("198503142010001001", "nip_tmt", "NIP: digit 9–14 bukan TMT (tahun dan bulan) yang sah."),
            # TMT 2001 for someone born 1985: appointed before age 17.
            ("198503142001011001", "nip_tmt", "NIP: digit 9–14 bukan TMT (tahun dan bulan) yang sah."),
            ("198503142010013001", "nip_kelamin", "NIP: digit ke-15 (jenis kelamin) harus 1 atau 2."),
            ("198503142010010001", "nip_kelamin", "NIP: digit ke-15 (jenis kelamin) harus 1 atau 2."),
            ("198503142010011000", "nip_urut", "NIP: nomor urut tidak boleh 000."),
        ],
    )
    def test_invalid(self, nip, code, message):
        error = _error(validate_nip, nip)
        assert error.code == code
        assert error.messages == [message]

    def test_tmt_in_the_far_future_is_refused(self):
        year = datetime.date.today().year + 2
        assert _error(parse_nip, f"19850314{year}011001").code == "nip_tmt"

    def test_form_shows_the_indonesian_message_under_the_field(self):
        form = PemdaForm(
            data={"jenis": "kabupaten", "nama": "Sukamaju", "kode_wilayah": "32.15", "sekda_nip": "12345"}
        )
        assert not form.is_valid()
        assert form.errors == {"sekda_nip": ["NIP harus 18 digit angka."]}


class TestNik:
    @pytest.mark.parametrize(
        ("nik", "lahir", "kelamin"),
        [
            ("3215010907950001", datetime.date(1995, 7, 9), "L"),
            # Women: day of birth + 40.
            ("3215014907950002", datetime.date(1995, 7, 9), "P"),
            ("3215017112800123", datetime.date(1980, 12, 31), "P"),
            # Two-digit year not later than this year's is read as 20YY.
            ("3215010101050001", datetime.date(2005, 1, 1), "L"),
            ("9471010101700001", datetime.date(1970, 1, 1), "L"),
        ],
    )
    def test_valid(self, nik, lahir, kelamin):
        assert parse_nik(nik) == {"tanggal_lahir": lahir, "jenis_kelamin": kelamin}

    @pytest.mark.parametrize(
        ("nik", "code", "message"),
        [
            ("321501090795000", "nik_format", "NIK harus 16 digit angka."),
            ("32150109079500O1", "nik_format", "NIK harus 16 digit angka."),
            ("0015010907950001", "nik_wilayah", "NIK: 4 digit pertama bukan kode wilayah yang sah."),
            ("9915010907950001", "nik_wilayah", "NIK: 4 digit pertama bukan kode wilayah yang sah."),
            ("3200010907950001", "nik_wilayah", "NIK: 4 digit pertama bukan kode wilayah yang sah."),
            ("3215013202950001", "nik_lahir", "NIK: digit 7–12 bukan tanggal lahir yang sah."),
            ("3215017202950001", "nik_lahir", "NIK: digit 7–12 bukan tanggal lahir yang sah."),
            ("3215010913950001", "nik_lahir", "NIK: digit 7–12 bukan tanggal lahir yang sah."),
            ("3215010002950001", "nik_lahir", "NIK: digit 7–12 bukan tanggal lahir yang sah."),
            ("3215010907950000", "nik_urut", "NIK: nomor urut tidak boleh 0000."),
        ],
    )
    def test_invalid(self, nik, code, message):
        error = _error(parse_nik, nik)
        assert error.code == code
        assert error.messages == [message]


class TestKodeUnit:
    @pytest.mark.parametrize(
        ("kode", "urusan", "unit", "sub_unit"),
        [
            # DOMAIN.md §2: DINAS PEKERJAAN UMUM DAN PENATAAN RUANG.
            ("1.03.0.00.0.00.01.0000", ["1.03"], 1, 0),
            # One unit serving two urusan (e.g. Pendidikan with Kepemudaan dan Olahraga).
            ("1.01.2.22.0.00.01.0000", ["1.01", "2.22"], 1, 0),
            ("4.01.5.05.6.01.02.0003", ["4.01", "5.05", "6.01"], 2, 3),
            ("7.01.0.00.0.00.12.0001", ["7.01"], 12, 1),
        ],
    )
    def test_valid(self, kode, urusan, unit, sub_unit):
        assert parse_kode_unit(kode) == {"urusan": urusan, "unit": unit, "sub_unit": sub_unit}

    @pytest.mark.parametrize(
        ("kode", "code", "message"),
        [
            (
                "1.03.00.00.0.00.01.0000",
                "kode_format",
                "Kode unit 1.03.00.00.0.00.01.0000 tidak sesuai format SIPD X.XX.X.XX.X.XX.XX.XXXX.",
            ),
            ("1.03", "kode_format", "Kode unit 1.03 tidak sesuai format SIPD X.XX.X.XX.X.XX.XX.XXXX."),
            (
                "1.03.0.00.0.00.01.000",
                "kode_format",
                "Kode unit 1.03.0.00.0.00.01.000 tidak sesuai format SIPD X.XX.X.XX.X.XX.XX.XXXX.",
            ),
            (
                "1.09.0.00.0.00.01.0000",
                "kode_urusan",
                "Kode unit 1.09.0.00.0.00.01.0000: urusan 1.09 tidak dikenal.",
            ),
            # 2.07–2.24 are the urusan of group 2; 2.01 belongs to group 1.
            (
                "1.02.2.01.0.00.01.0000",
                "kode_urusan",
                "Kode unit 1.02.2.01.0.00.01.0000: urusan 2.01 tidak dikenal.",
            ),
            (
                "9.01.0.00.0.00.01.0000",
                "kode_urusan",
                "Kode unit 9.01.0.00.0.00.01.0000: urusan 9.01 tidak dikenal.",
            ),
            (
                "0.00.0.00.0.00.01.0000",
                "kode_urusan",
                "Kode unit harus memuat paling sedikit satu urusan.",
            ),
            ("1.03.0.00.0.00.00.0000", "kode_unit", "Kode unit: nomor unit tidak boleh 00."),
        ],
    )
    def test_invalid(self, kode, code, message):
        error = _error(parse_kode_unit, kode)
        assert error.code == code
        assert error.messages == [message]

    @pytest.mark.parametrize("urusan", ["1.01", "2.24", "3.32", "8.01"])
    def test_urusan_known(self, urusan):
        validate_urusan(urusan)

    @pytest.mark.parametrize("urusan", ["1.07", "2.06", "3.33", "1.1", "x.01", ""])
    def test_urusan_unknown(self, urusan):
        assert _error(validate_urusan, urusan).code == "urusan"
