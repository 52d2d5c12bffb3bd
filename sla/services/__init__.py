"""Every write of the sla app (see README "Layout": views, API and tasks call these)."""

from sla.services.perjanjian import (  # noqa: F401
    ajukan_sla,
    boleh_tanda_tangan,
    buat_amandemen,
    buat_sla,
    hapus_libur,
    penanda_tangan_wajib,
    simpan_dokumen_sla,
    simpan_layanan,
    simpan_libur,
    tandatangani_sla,
    tarik_sla,
    ubah_sla,
)
from sla.services.permohonan import (  # noqa: F401
    ajukan_permohonan,
    aksi_tersedia,
    batalkan_permohonan,
    lengkapi_permohonan,
    minta_kelengkapan,
    periksa_tenggat,
    selesaikan_permohonan,
    terima_permohonan,
    tolak_permohonan,
)
