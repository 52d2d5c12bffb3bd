from django.utils.functional import SimpleLazyObject

from sipd import access, laporan
from sipd.notifications import jumlah_belum_dibaca
from sipd.roles import Peran
from sipd.selectors import pemda_profile


def portal(request):
    user = request.user
    context = {"pemda": pemda_profile()}
    if user.is_authenticated:
        peran = access.roles_of(user)
        context.update(
            peran_pengguna=peran,
            peran_label=[Peran(r).label for r in sorted(peran.all_roles)],
            notifikasi_belum_dibaca=jumlah_belum_dibaca(user),
            is_admin=access.has_role(user, Peran.ADMIN),
            is_bappeda=access.has_role(user, Peran.BAPPEDA),
            is_kepegawaian=access.has_role(user, Peran.KEPEGAWAIAN),
            is_pimpinan=access.has_role(user, Peran.PIMPINAN),
            punya_opd=bool(peran.opd_ids),
            # Evaluated only where a template asks (the navbar), not on every partial or download.
            bisa_laporan=SimpleLazyObject(lambda: bool(laporan.yang_boleh(user))),
            bisa_lihat_riwayat=access.has_role(user, Peran.ADMIN, Peran.BAPPEDA),
            lihat_data_pribadi=access.can_see_private_data(user),
        )
    return context
