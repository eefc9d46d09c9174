//! Real published table headers (and body rows where the source shows them), each
//! with a comment naming the office, the document and where it was found. Copied as
//! published: spelling mistakes, odd spacing and template placeholders are kept.
// Text is copied as published: spelling mistakes, odd spacing inside a cell, "{{$tahun}}"
// template placeholders of application views and all are kept. Leading/trailing spaces of
// a cell are trimmed.

/// One real published table header (and body rows when the source shows them).
pub struct RealHeader {
    /// Office, document, year, and URL or repository + path.
    pub source: &'static str,
    /// The header rows as published, left to right; "" for an empty cell or the
    /// continuation of a merged cell.
    pub rows: &'static [&'static [&'static str]],
    /// Merged header cells: (row, first column, last row, last column), zero-based
    /// within `rows`.
    pub merges: &'static [(u32, u32, u32, u32)],
    /// The numbering row under the header as published (`["1","2","3"]`, or with stated
    /// arithmetic `["4","5=4/3x100"]`), empty when there is none.
    pub numbering: &'static [&'static str],
    /// Our kind name (see the list) or "tabel".
    pub kind: &'static str,
    /// One role per column, from: "no", "code", "name", "money", "count", "ratio",
    /// "percent", "index", "measure" (a target or realisation of an indicator), "year",
    /// "status", "unit", "remarks", "text", "polarity", "category".
    pub roles: &'static [&'static str],
    /// Body rows as published (text exactly as printed: `1.126.000`, `99,5`, `-`), when known.
    pub body: &'static [&'static [&'static str]],
}

pub const REAL_HEADERS: &[RealHeader] = &[
    // R01: Dinas PUPR Kota Dumai (Riau) - LKjIP 2020, Tabel 3-1 (reconstructed)
    RealHeader {
        source: "Dinas Pekerjaan Umum dan Penataan Ruang Kota Dumai, LKjIP 2020, Tabel 3-1 'Indikator Kinerja Sasaran Strategis Beserta Target dan Realisasi Dinas Pekerjaan Umum dan Penataan Ruang Kota Dumai Tahun 2019' (sic); https://123dok.com/article/capaian-kinerja-organisasi-akuntabilitas-kinerja.yev4vr50",
        rows: &[
            &["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Tahun 2020", "Realisasi Tahun 2020", "Capaian (%)"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["category", "name", "unit", "measure", "measure", "percent"],
        body: &[
            &["Meningkatkan Kapasitas Air Bersih", "Kapasitas Debit Air Bersih", "Liter/detik", "405", "65", "16,05"],
            &["Mewujudkan fungsi dan klasifikasi kegiatan sesuai peruntukan ruang / kawasan / lahan berdasarkan peraturan yang berlaku", "Persentase Permohonan / Pengajuan yang diselesaikan dalam setahun", "%", "100", "100", "100"],
        ],
    },
    // R02: Inspektorat Daerah Kabupaten Sampang (Jawa Timur) - LKjIP 2019, Tabel 3.1 Interval Penilaian Kinerja (reconstructed)
    RealHeader {
        source: "Inspektorat Daerah Kabupaten Sampang, LKjIP 2019 p.29, Tabel 3.1 'Interval Penilaian Kinerja'; https://123dok.com/document/zx5dll94-baik-baik-cukup-kurang-kurang.html",
        rows: &[
            &["NO", "INTERVAL NILAI REALISASI KINERJA", "KRITERIA PENILAIAN REALISASI KINERJA"],
        ],
        merges: &[],
        numbering: &[],
        kind: "tabel",
        roles: &["no", "text", "status"],
        body: &[
            &["1", "91 % ≤ 100 %", "Sangat Baik"],
            &["2", "76 % ≤ 90%", "Baik"],
            &["3", "66 % ≤ 75 %", "Cukup"],
            &["4", "51 % ≤ 65 %", "Kurang"],
            &["5", "≤ 50 %", "Sangat Kurang"],
        ],
    },
    // R03: Inspektorat Daerah Kabupaten Sampang (Jawa Timur) - LKjIP 2019, Tabel 3.1 Pencapaian Kinerja (reconstructed)
    RealHeader {
        source: "Inspektorat Daerah Kabupaten Sampang, LKjIP 2019 p.30, 'Tabel 3.1 Pencapaian Kinerja' (second table also numbered 3.1); https://123dok.com/document/zx5dll94-baik-baik-cukup-kurang-kurang.html",
        rows: &[
            &["N0", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["no", "name", "unit", "measure", "measure", "percent"],
        body: &[
            &["", "Sasaran Strategis 1. Meningkatnya Akuntabilitas Keuangan Dan Kinerja Pemerintah Daerah", "", "", "", ""],
            &["1", "Persentase penurunan temuan keuangan yang bersifat materil", "%", "55%", "n/a", "n/a"],
        ],
    },
    // R04: Dinas Pendidikan dan Kebudayaan Kabupaten Madiun (Jawa Timur) - Tabel 2.1 Indikator Kinerja Utama dan Target 2019 (reconstructed)
    RealHeader {
        source: "Dinas Pendidikan dan Kebudayaan Kabupaten Madiun, web page 'Indikator Kinerja Utama' (2020), Tabel 2.1 'Indikator Kinerja Utama dan Target 2019 Dinas Pendidikan dan Kebudayaan Kabupaten Madiun'; https://dindikkabmadiun.com/index.php/en/profile/indikator-kinerja-utama",
        rows: &[
            &["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "", "TARGET"],
            &["", "", "", "", "2019"],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 3)],
        numbering: &[],
        kind: "iku",
        roles: &["no", "category", "no", "name", "measure"],
        body: &[
            &["1", "Meningkatnya akses dan mutu pendidikan", "1", "Rata – rata lama sekolah", "7,60"],
            &["", "", "2", "Harapan lama sekolah", "13,14"],
            &["", "", "3", "Rata-rata Nilai Ujian Nasional - SD/MI - SMP/MTs", "71,5 52,88"],
            &["2", "Meningkatnya nilai-nilai keagamaan siswa", "4", "Persentase lembaga pendidikan formal yang melaksanakan pendidikan karakter keagamaan", "100"],
            &["3", "Meningkatnya pengembangan dan pelestarian seni budaya", "5", "Persentase Pelestarian Seni dan Budaya", "100"],
        ],
    },
    // R05: Dinas Kesehatan (kabupaten not named in the excerpt) - Tujuan dan Sasaran beserta Indikator Renstra (reconstructed)
    RealHeader {
        source: "'TUJUAN DAN SASARAN BESERTA INDIKATOR RENSTRA DINAS KESEHATAN TAHUN 2018-2019' (sic), print of a Renstra Dinkes workbook; https://id.scribd.com/document/423889772/Print-Renstra-Dinkes",
        rows: &[
            &["KODE", "TUJUAN", "SASARAN", "INDIKATOR", "SATUAN", "Kinerja Awal", "TARGET KINERJA PADA TAHUN KE-", "", "", "", ""],
            &["", "", "", "", "", "", "2018", "2019", "2020", "2021", "2022"],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 0, 10)],
        numbering: &[],
        kind: "iku",
        roles: &["code", "category", "category", "name", "unit", "measure", "year", "year", "year", "year", "year"],
        body: &[
            &["", "", "", "Indeks Kesehatan", "", "72.80", "73.42", "73.72", "74.03", "74.34", "74.65"],
            &["3", "", "", "Persentase BBLR (%)", "", "13,0", "10,0", "8,0", "7,0", "5,0", "5,0"],
            &["4", "", "", "Persentase persalinan di fasilitas kesehatan (%)", "", "70,0", "75,0", "85,0", "95,0", "100", "100"],
            &["10", "", "", "Prevalensi kekurangan gizi (underweight) pada anak balita (%)", "", "17,6", "17,2", "17,0", "16,8", "16,5", "16,5"],
        ],
    },
    // R06: Pemkab Polewali Mandar (Sulawesi Barat), e-SAKIP 'simkinerja' - Pengukuran Kinerja 2022, Sub Bidang Penyusunan Anggaran (eselon IV), indicators (reconstructed)
    RealHeader {
        source: "Pemkab Polewali Mandar e-SAKIP, 'Pengukuran Kinerja Tahun 2022 — Sub Bidang Penyusunan Anggaran', first table; https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022",
        rows: &[
            &["Pejabat", "Sasaran Kegiatan / Sub-Kegiatan", "Indikator", "Satuan", "Target", "Realisasi", "", "", "", "", "", "", "", "", "", "", "", "", "Target Kinerja(%)"],
            &["", "", "", "", "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "Jumlah", ""],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 17), (0, 18, 1, 18)],
        numbering: &[],
        kind: "capaian",
        roles: &["text", "category", "name", "unit", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "measure", "percent"],
        body: &[],
    },
    // R07: Pemkab Polewali Mandar (Sulawesi Barat), e-SAKIP 'simkinerja' - Pengukuran Kinerja 2022, Sub Bidang Penyusunan Anggaran, budget (reconstructed)
    RealHeader {
        source: "Pemkab Polewali Mandar e-SAKIP, 'Pengukuran Kinerja Tahun 2022 — Sub Bidang Penyusunan Anggaran', second table; https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022",
        rows: &[
            &["Pejabat", "Kegiatan / Sub-Kegiatan", "Alokasi Anggaran (Rp)", "Realisasi Anggaran (Rp)", "", "", "", "", "", "", "", "", "", "", "", "", "Realisasi(%)"],
            &["", "", "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "Jumlah", ""],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 15), (0, 16, 1, 16)],
        numbering: &[],
        kind: "anggaran",
        roles: &["text", "name", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "percent"],
        body: &[],
    },
    // R08: Pemkab Polewali Mandar (Sulawesi Barat), e-SAKIP 'simkinerja' - Pengukuran Kinerja 2022, Sub Bidang Penyusunan Anggaran, analysis (reconstructed)
    RealHeader {
        source: "Pemkab Polewali Mandar e-SAKIP, 'Pengukuran Kinerja Tahun 2022 — Sub Bidang Penyusunan Anggaran', third table; https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022",
        rows: &[
            &["Pejabat", "Sasaran Kegiatan / Sub-Kegiatan", "Indikator", "Target", "Hasil", "Kinerja(%)", "Kendala", "Solusi"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["text", "category", "name", "measure", "measure", "percent", "remarks", "remarks"],
        body: &[],
    },
    // R09: Sekretariat Daerah Provinsi Sumatera Utara - Laporan Kinerja 2021, Tabel 19 Realisasi Keuangan Sasaran Strategis-3 (reconstructed)
    RealHeader {
        source: "Sekretariat Daerah Provinsi Sumatera Utara, Laporan Kinerja 2021 p.41, 'Tabel 19 Realisasi Keuangan Sasaran Strategis-3'; https://fliphtml5.com/xgkox/cyxe/LAPORAN_KINERJA_SEKRETARIAT_DAERAH_PROVINSI_SUMATERA_UTARA_TAHUN_2021/49",
        rows: &[
            &["NO", "INDIKATOR KINERJA", "PROGRAM/ KINERJA", "ANGGARAN (Rp)", "REALISASI (Rp)", "CAPAIAN REALISASI ANGGARAN (%)"],
        ],
        merges: &[],
        numbering: &["1", "2", "3", "4", "5", "6"],
        kind: "anggaran",
        roles: &["no", "text", "name", "money", "money", "percent"],
        body: &[
            &["1", "Persentase kegiatan dalam pembinaan aparatur pemerintahan dalam penyelenggaran kebijakan pemerintahan di daerah serta Kegiatan Evaluasi Kerjasama Pemerintah/ Badan Usaha/ Swasta", "Program Pemerintahan Dan Otonomi Daerah", "", "", "88.6"],
            &["", "", "Kegiatan Pelaksanaan Tugas Pemerintahan", "", "", ""],
            &["", "", "1. Sub Kegiatan Fasilitasi Pelaksanaan Pemerintahan Umum", "749.930.215", "702.188.300", "93.6"],
            &["", "", "Kegiatan Fasilitasi Kerjasama Daerah", "", "", ""],
            &["", "", "1.Sub Kegiatan Fasilitasi Kerjasama antar Pemerintah", "216.194.000", "188.957.200", "87.4"],
            &["", "", "2.Sub Kegiatan Fasilitasi Kerjasama Badan Usaha/Swasta", "378.896.500", "351.953.546", "92.9"],
            &["", "", "3.Sub Kegiatan Evaluasi Pelaksanaan", "398.379.650", "307.055.630", "80.5"],
        ],
    },
    // R10: Puslatbang KMP, Lembaga Administrasi Negara (Makassar) - LAKIP 2021, Tabel 3.67 Capaian Nilai Evaluasi Kinerja Anggaran (reconstructed)
    RealHeader {
        source: "Puslatbang KMP LAN, LAKIP 2021 p.92, 'Tabel.3.67 Capaian Nilai Evaluasi Kinerja Anggaran'; https://fliphtml5.com/agdol/iduq/LAKIP_Puslatbang_KMP_LAN_Tahun_2021/105/",
        rows: &[
            &["Indikator Kinerja", "Target", "Realisasi", "Capaian"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["name", "measure", "measure", "percent"],
        body: &[
            &["Nilai Evaluasi Kinerja Anggaran", "89", "87.93", "98.80%"],
        ],
    },
    // R11: Biro Hukum, Sekretariat Daerah Provinsi Nusa Tenggara Barat - SIPD print 'RKPA - Rincian Belanja SKPD' 2021 (perubahan) (reconstructed)
    RealHeader {
        source: "Pemerintah Provinsi Nusa Tenggara Barat, SIPD 'Rencana Kerja dan Perubahan Anggaran Satuan Kerja Perangkat Daerah, Formulir RKPA - RINCIAN BELANJA SKPD', Tahun Anggaran 2021, sub kegiatan 4.01.05.1.01.01 (Biro Hukum); https://123dok.com/document/zw9om3ly-sistem-informasi-pemerintahan-daerah-cetak-rka-rincian-belanja.html",
        rows: &[
            &["Kode Rekening", "Uraian", "Sebelum Perubahan", "", "", "", "", "Setelah Perubahan", "", "", "", "", "Bertambah/ (Berkurang)"],
            &["", "", "Rincian Perhitungan", "", "", "", "Jumlah", "Rincian Perhitungan", "", "", "", "Jumlah", ""],
            &["", "", "Koefisien", "Satuan", "Harga", "PPN", "", "Koefisien", "Satuan", "Harga", "PPN", "", ""],
        ],
        merges: &[(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 0, 6), (0, 7, 0, 11), (0, 12, 2, 12), (1, 2, 1, 5), (1, 6, 2, 6), (1, 7, 1, 10), (1, 11, 2, 11)],
        numbering: &[],
        kind: "tabel",
        roles: &["code", "name", "count", "unit", "money", "percent", "money", "count", "unit", "money", "percent", "money", "money"],
        body: &[],
    },
    // R12: Dinas Pemberdayaan Perempuan dan Perlindungan Anak ('DPP-PA'), e-monev app demo - Tabel Evaluasi RKPD per dinas (Evaluasi Renja form, Permendagri 86/2017), 2021 (exact)
    RealHeader {
        source: "GitHub afilamediakarya/demonev, resources/views/Laporan/tabel_evaluasi_rkpd/index_dinas.blade.php (commit 48a3b9d4); body rows hard-coded in the view",
        rows: &[
            &["NO", "Sasaran", "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan", "Indikator Kinerja Program (outcome) / Kegiatan (output)", "Target Renstra OPD pada Tahun 2018 s/d 2023 (akhir periode Renstra OPD)", "", "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2020)", "", "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2021)", "", "Realisasi Kinerja Pada Triwulan", "", "", "", "", "", "", "", "Realisasi Capaian Kinerja dan Anggaran Renja OPD  yang Dievaluasi", "", "Realisasi kinerja dan Anggaran Renstra OPD s/d tahun 2020 (Ahkir Tahun pelaksanaan Renja OPD)", "", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra OPD s/d tahun 2020 (%)", "", "Unit OPD penanggung jawab", "Ket"],
            &["", "", "", "", "", "", "", "", "", "", "I", "", "II", "", "III", "", "IV", "", "", "", "", "", "", "", "", ""],
            &["", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "", ""],
        ],
        merges: &[(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 2, 3), (0, 4, 1, 5), (0, 6, 1, 7), (0, 8, 1, 9), (0, 10, 0, 17), (1, 10, 1, 11), (1, 12, 1, 13), (1, 14, 1, 15), (1, 16, 1, 17), (0, 18, 1, 19), (0, 20, 1, 21), (0, 22, 1, 23), (0, 24, 2, 24), (0, 25, 2, 25)],
        numbering: &[],
        kind: "evaluasi_renja",
        roles: &["no", "category", "name", "text", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "text", "remarks"],
        body: &[
            &["", "", "Urusan Wajib Non Pelayanan Dasar", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            &["", "", "Bidang Urusan Pemberdayaan Perempuan dan Perlindungan Anak", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            &["1", "Meningkatnya kualitas dan pencapaian kinerja penyelenggaraan urusan perangkat daerah", "Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota", "'Persentase penunjang urusan perangkat daerah berjalan sesuai standar", "100%", "10.650.857.000", "", "", "100%", "3.074.452.650", "25%", "492.775.283", "25%", "695.355.169", "", "", "", "", "50%", "1.188.130.452", "50%", "1.188.130.452", "50%", "11,16", "DPP-PA", ""],
            &["", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Persentase penyusunan dokumen perencanaan, penganggaran & evaluasi tepat waktu", "100%", "93.000.000", "", "", "100%", "46.954.000", "25%", "14.820.000", "25%", "18.511.800", "", "", "", "", "50%", "33.331.800", "50%", "33.331.800", "50%", "35,84", "DPP-PA", ""],
        ],
    },
    // R13: Pemerintah Kota Bandung, monev app (SIRA) - Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kota Bandung (print) (exact)
    RealHeader {
        source: "GitHub ariefs66/sira_hibah_v4, resources/views/monev/pdf.blade.php (commit 039ff4a1); numbering row sits between the quarter row and the K|Rp row",
        rows: &[
            &["No", "Sasaran", "Program/ Kegiatan", "Indikator Kinerja Program (outcome)/Kegiatan(output)", "Target Renstra Perangkat Daerah Pada Tahun {{$tahun}} (Akhir Periode Renstra Perangkat Daerah)", "", "Realisasi Capaian Kinerja  Renstra PD sampai dengan PD tahun lalu (n-2)", "", "Target Kinerja dan Anggaran Renja PD tahun berjalan (Tahun n-1) yang di evaluasi", "", "Realisasi Kinerja Pada Triwulan\n(Rp)", "", "", "", "", "", "", "", "Realisasi Capaian Kinerja dan Anggaran Renja PD yang di Evaluasi", "", "Realisasi Kinerja dan Anggaran Renstra PD s/d tahun {{$tahun}} PD yang di Evaluasi", "", "Tingkat Capaian Kinerja dan Realisasi Anggaran Resntra PD s/d tahun {{$tahun}}(%)", "", "Unit PD Penanggung Jawab"],
            &["", "", "", "", "", "", "", "", "", "", "1", "", "2", "", "3", "", "4", "", "", "", "", "", "", "", ""],
            &["", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", ""],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 5), (0, 6, 1, 7), (0, 8, 1, 9), (0, 10, 0, 17), (1, 10, 1, 11), (1, 12, 1, 13), (1, 14, 1, 15), (1, 16, 1, 17), (0, 18, 1, 19), (0, 20, 1, 21), (0, 22, 1, 23), (0, 24, 1, 24)],
        numbering: &["1", "2", "3", "4", "5", "", "6", "", "7", "", "8", "", "9", "", "10", "", "11", "", "12", "", "13=6+12", "", "14=13/5x100%", "", "15"],
        kind: "evaluasi_renja",
        roles: &["no", "category", "name", "text", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "text"],
        body: &[],
    },
    // R14: BKPSDM Kabupaten Sumedang (Jawa Barat), 'SiCerdas' app of e-office.sumedangkab.go.id - Renstra 2021–2023: Rencana Program, Kegiatan dan Pendanaan (Permendagri 86/2017 T-C.27 type) (exact)
    RealHeader {
        source: "GitHub andreperiozaherpa/indigo, application/views/admin/sicerdas/renstra/laporan/24.php (commit 6bebd0dc; the app's pages link to e-office.sumedangkab.go.id, e.g. application/views/admin/sicerdas_bak2/laporan/matrik.php); a LibreOffice HTML export of the office's xlsx (cells carry sdval/sdnum)",
        rows: &[
            &["Tujuan", "Sasaran", "Indikator Sasaran", "Kode", "", "", "", "", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Indikator Program/Kegiatan/Sub Kegiatan", "Data Capaian pada Tahun Awal Perencanaan", "Capaian Kinerja dan Kerangka Pendanaan", "", "", "", "", "", "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah", "", "Unit Kerja Perangkat Daerah Penanggungjawab", "Lokasi"],
            &["", "", "", "", "", "", "", "", "", "", "", "2021", "", "2022", "", "2023", "", "", "", "", ""],
            &["", "", "", "", "", "", "", "", "", "", "", "Target", "Rp", "Target", "Rp", "Target", "Rp", "Target", "Rp", "", ""],
        ],
        merges: &[(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 2, 7), (0, 8, 2, 8), (0, 9, 2, 9), (0, 10, 2, 10), (0, 11, 0, 16), (1, 11, 1, 12), (1, 13, 1, 14), (1, 15, 1, 16), (0, 17, 1, 18), (0, 19, 2, 19), (0, 20, 2, 20)],
        numbering: &[],
        kind: "tabel",
        roles: &["category", "category", "text", "code", "code", "code", "code", "code", "name", "text", "measure", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "text", "text"],
        body: &[
            &["", "", "", "5", "03", "", "", "", "KEPEGAWAIAN", "", "", "", "15,214,568,742", "", "30,614,153,432", "", "27,102,125,049", "", "47,496,043,200", "", ""],
            &["", "", "", "5", "03", "01", "", "", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase kesesuaian dokumen perencanaan, penganggaran dan evaluasi kinerja PD", "100%", "100%", "7,742,388,142", "100 %", "8,517,267,832", "100 %", "9,175,148,049", "", "", "BKPSDM", ""],
            &["", "", "", "5", "03", "01", "2.01", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Jumlah Dokumen Perencanaan, Penganggaran dan Laporan Evaluasi Kinerja SKPD", "100%", "24 Dokumen", "60,535,000", "26 dokumen", "80,500,000", "26 dokumen", "61,000,000", "100%", "202,035,000", "BKPSDM", ""],
            &["", "", "", "5", "03", "01", "2.02", "", "Administrasi Keuangan Perangkat Daerah", "Jumlah Dokumen Laporan Keuangan SKPD", "100%", "30\nDokumen", "6,568,778,142", "30\nDokumen", "6,662,983,832", "30\nDokumen", "7,020,148,049", "100%", "20,251,910,023", "BKPSDM", ""],
            &["", "", "", "03", "02", "", "", "", "PROGRAM KEPEGAWAIAN DAERAH", "Persentase pengadaan ASN sesuai dengan formasi jabatan", "", "", "7,472,180,600", "%", "22,096,885,600", "", "17,926,977,000", "", "47,496,043,200", "BKPSDM", ""],
            &["", "", "", "03", "02", "2.03", "", "", "Pengembangan Kompetensi ASN", "Jumlah Pengembangan Kompetensi ASN", "", "672 orang", "5,081,235,000", "5 laporan", "16,614,485,600", "5 laporan", "14,964,477,000", "", "36,660,197,600", "BKPSDM", ""],
        ],
    },
    // R15: Bappelitbangda Kabupaten Sumedang (Jawa Barat), 'SiCerdas' app - Renstra 2019–2023: Target Kinerja Program dan Kegiatan Pendanaan (exact)
    RealHeader {
        source: "GitHub andreperiozaherpa/indigo, application/views/admin/sicerdas/renstra/laporan/23.php (commit 294504d0); LibreOffice HTML export of the office's xlsx",
        rows: &[
            &["Tujuan", "Sasaran", "Kode", "", "", "", "", "Program Dan Kegiatan", "Indikator Kinerja Tujuan, Sasaran,Program (Outcome) dan Kegiatan (output)", "Data Capaian pada Tahun Awal Perencanaan", "Target Kinerja Program dan Kegiatan Pendanaan", "", "", "", "", "", "", "", "", "", "", "", "Unit Kerja Perangkat Daerah Penanggung Jawab", "Lokasi"],
            &["", "", "", "", "", "", "", "", "", "", "Tahun 2019", "", "Tahun 2020", "", "Tahun 2021", "", "Tahun 2022", "", "Tahun 2023", "", "Kondisi Kinerja pada Akhir Periode Renstra Perangkat Daerah", "", "", ""],
            &["", "", "", "", "", "", "", "", "", "", "Target", "Rp", "Target", "Rp", "Target", "Rp", "Target", "Rp", "Target", "Rp", "Target", "Rp", "", ""],
        ],
        merges: &[(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 6), (0, 7, 2, 7), (0, 8, 2, 8), (0, 9, 2, 9), (0, 10, 0, 21), (1, 10, 1, 11), (1, 12, 1, 13), (1, 14, 1, 15), (1, 16, 1, 17), (1, 18, 1, 19), (1, 20, 1, 21), (0, 22, 2, 22), (0, 23, 2, 23)],
        numbering: &["1", "2", "3", "", "", "", "", "4", "5", "6", "7", "", "8", "", "9", "", "10", "", "11", "", "12", "", "13", "14"],
        kind: "tabel",
        roles: &["category", "category", "code", "code", "code", "code", "code", "name", "text", "measure", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "text", "text"],
        body: &[
            &["0", "Meningkatnya kapasitas dan kapabilitas internal perangkat daerah", "5", "01", "01", "", "", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase Ketersediaan Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah yang tepat waktu dan sesuai peraturan perundang_x0002_undangan", "100%", "0", "-", "0", "-", "100%", "11,566,246,594", "100%", "12,288,808,660", "100%", "11,750,648,660", "100%", "35,605,703,914", "BADAN PERENCANAAN, PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH", ""],
            &["", "", "5", "01", "01", "2,01", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Penyusunan Perencanaan, Penganggaran, dan Evaluasi Kinerja\nPerangkat Daerah", "3 Laporan", "0", "-", "0", "-", "3 Laporan", "234,556,500", "3 Laporan", "305,000,000", "3 Laporan", "360,000,000", "3 Laporan", "899,556,500", "BADAN PERENCANAAN, PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH", ""],
            &["", "", "5", "01", "01", "2,02", "", "Administrasi Keuangan Perangkat Daerah", "Jumlah Laporan Administrasi Keuangan Perangkat Daerah", "3 Laporan", "0", "-", "0", "-", "3 Laporan", "8,274,790,094", "3 Laporan", "8,257,648,660", "3 Laporan", "8,287,648,660", "3 Laporan", "24,820,087,414", "BADAN PERENCANAAN, PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH", ""],
        ],
    },
    // R16: Dinas Komunikasi dan Informatika Kabupaten Pringsewu (Lampung) - Perjanjian Kinerja Tahun 2025 (lampiran) (exact)
    RealHeader {
        source: "GitHub andhika201/E-Sakip, app/Views/adminOpd/pk_admin/cetak-L.php — version with hard-coded 'PERJANJIAN KINERJA TAHUN 2025 DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN PRINGSEWU' rows (as shown by code search); later commit 3063b6a5 has header 'No | SASARAN STRATEGIS | INDIKATOR SASARAN | TARGET' and an italic numbering row 1 2 3 4",
        rows: &[
            &["No", "Sasaran Strategis", "Indikator Sasaran", "Target"],
        ],
        merges: &[],
        numbering: &[],
        kind: "pk_target",
        roles: &["no", "category", "name", "measure"],
        body: &[
            &["1", "Meningkatnya Akuntabilitas Kinerja Dinas Komunikasi dan Informatika", "Nilai SAKIP", "BB"],
        ],
    },
    // R17: Dinas Komunikasi dan Informatika Kabupaten Pringsewu (Lampung) - Perjanjian Kinerja (program budget block) (exact)
    RealHeader {
        source: "GitHub andhika201/E-Sakip, app/Views/adminOpd/pk_admin/cetak-L.php (commit 3063b6a5), borderless program table under the PK target table",
        rows: &[
            &["PROGRAM", "ANGGARAN"],
        ],
        merges: &[],
        numbering: &[],
        kind: "pk_anggaran",
        roles: &["name", "money"],
        body: &[],
    },
    // R18: Perwakilan BPKP Provinsi Sulawesi Barat - Penetapan Kinerja (Tapkin) 2017 — Kegiatan/Anggaran (exact)
    RealHeader {
        source: "GitHub nandasitepu/bpkp, resources/views/pages/rkt.blade.php (commit 1833317c), table 'Kegiatan/Anggaran'",
        rows: &[
            &["No", "Kegiatan", "Anggaran (Rp)"],
        ],
        merges: &[],
        numbering: &[],
        kind: "pk_anggaran",
        roles: &["no", "name", "money"],
        body: &[
            &["1", "Pelaksanaan Pengawasan Intern Akuntabilitas Keuangan Negara dan Pembinaan Penyelenggaraan SPIP", "966.661.000,00"],
            &["2", "Dukungan Manajemen dan Pelaksanaan Tugas Teknis BPKP", "10.651.655.000,00"],
            &["3", "Fasilitas Dukungan Manajemen Perwakilan BPKP", "376.366.000,00"],
            &["", "Jumlah", "11.994.682.000,00"],
        ],
    },
    // R19: Perwakilan BPKP Provinsi Sulawesi Barat - Penetapan Kinerja 2017 — Sasaran Program (exact)
    RealHeader {
        source: "GitHub nandasitepu/bpkp, resources/views/pages/rkt.blade.php — version shown by code search ('Penetapan Kinerja Tahun 2017 Perwakilan BPKP Sulawesi Barat', table 'Sasaran Program')",
        rows: &[
            &["No", "Sasaran Program", "Indikator Kinerja Program", "Target"],
        ],
        merges: &[],
        numbering: &[],
        kind: "pk_target",
        roles: &["no", "category", "name", "measure"],
        body: &[
            &["1", "Perbaikan pengelolaan program prioritas nasional dan pengelolaan keuangan negara/korporasi", "Perbaikan tata kelola, manajemen risiko dan pengendalian intern pengelolaan program nasional", "55 %"],
            &["", "", "Persentase tindak lanjut rekomendasi tata kelola, manajemen risiko, dan pengendalian intern pengelolaan korporasi", "55 %"],
            &["2", "Meningkatkan efektifitas hasil pengawasan keinvestigasian", "Persentase hasil pengawasan keinvestigasian yang dimanfaatkan di persidangan", "40 %"],
            &["", "", "Persentase hasil pengawasan keinvestigasian yang dimanfaatkan oleh APH", "70%"],
        ],
    },
    // R20: Baperlitbang Kabupaten Klungkung (Bali) - LKjIP 2017, Tabel 3.1 Pengukuran Kinerja Sasaran Strategis I (reconstructed)
    RealHeader {
        source: "Baperlitbang Kabupaten Klungkung, LKjIP 2017, 'Tabel 3.1 Pengukuran Kinerja Sasaran Strategis I Baperlitbang Kabupaten Klungkung Tahun 2017'; https://123dok.com/article/capaian-kinerja-organisasi-akuntabilitas-kinerja.q5n83xwq",
        rows: &[
            &["No.", "Sasaran", "Indikator Sasaran", "Satuan", "Target", "Realisasi", "Capaian Kinerja"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["no", "category", "name", "unit", "measure", "measure", "percent"],
        body: &[
            &["1.", "meningkatnya kualitas perencanaan pembangunan daerah", "Nilai LHE AKIP Komponen Perencanaan", "poin", "22", "20,83", "100,12"],
            &["", "", "Rata-rata capaian program RKPD", "persen", "90", "95", ""],
        ],
    },
    // R21: Pemkab Polewali Mandar, Satu Data portal - Data makro 'Persentase Desa Maju dan Mandiri' with IDM status counts (reconstructed)
    RealHeader {
        source: "Satu Data Kabupaten Polewali Mandar, 'PERSENTASE DESA MAJU DAN MANDIRI' detail page; https://mail.satudata-v3.polmankab.go.id/Frontend/detaildatamakro/18",
        rows: &[
            &["Data Penunjang", "2020", "2021", "2022", "2023", "2024"],
        ],
        merges: &[],
        numbering: &[],
        kind: "idm_rekap",
        roles: &["status", "year", "year", "year", "year", "year"],
        body: &[],
    },
    // R22: Pemerintah Desa Puluhan, Kec. Trucuk, Kab. Klaten (Jawa Tengah) - Status Indeks Desa Membangun (IDM) 2023 (Kemendesa per-village layout) (exact)
    RealHeader {
        source: "Desa Puluhan website, 'Status Indeks Desa Membangun (IDM) 2023' (same layout as the Kemendesa per-village IDM page); https://desapuluhan.org/index.php/status-idm/2023 ; same layout at https://desaganra.id/status-idm/2021",
        rows: &[
            &["NO", "INDIKATOR IDM", "SKOR", "KETERANGAN", "KEGIATAN YANG DAPAT DILAKUKAN", "+NILAI", "YANG DAPAT MELAKSANAKAN KEGIATAN", "", "", "", "", ""],
            &["", "", "", "", "", "", "PUSAT", "PROVINSI", "KABUPATEN", "DESA", "CSR", "LAINNYA"],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 0, 11)],
        numbering: &[],
        kind: "tabel",
        roles: &["no", "name", "index", "text", "text", "index", "text", "text", "text", "text", "text", "text"],
        body: &[
            &["1", "Skor Akses Sarkes", "5", "Waktu tempuh dari ≤ 30 Menit", "-", "0"],
            &["2", "Skor Dokter", "0", "Jumlah Dokter Tidak ada", "Pengadaan Min 1 org Dokter", "0.00952381"],
            &["4", "Skor Nakes Lain", "2", "Jumlah tenaga kesehatan lainnya 1 orang", "Penambahan Nakes Min 4 Org", "0.00571429"],
            &["5", "Skor Tingkat Kepesertaan BPJS", "4", "Jumlah peserta BPJS/jumlah penduduk antara 0,6 s.d 0,75", "Fasilitasi kepesertaan BPJS warga Desa hingga > 75%", "0.00190476"],
            &["6", "Skor Akses Poskesdes", "4", "Jarak tempuh menuju Poskesdes 501 s.d 1000 Meter", "-", "0.00190476"],
        ],
    },
    // R23: Akademi Desa (publication on IDM 2023 data update) - Tabel 1. Status Desa Berdasarkan Ambang Batas (Skor) (exact)
    RealHeader {
        source: "akademidesa.id, 'Pemutakhiran Data Indeks Desa Membangun (IDM) Tahun 2023', Tabel 1; https://akademidesa.id/2023/05/13/pemutakhiran-data-indeks-desa-membangun-idm-tahun-2023/",
        rows: &[
            &["No.", "Status Desa", "Ambang Batas", "Keterangan"],
        ],
        merges: &[],
        numbering: &[],
        kind: "tabel",
        roles: &["no", "status", "text", "remarks"],
        body: &[
            &["1", "Desa Sangat Tertinggal", "IDM ≤ 0,4907", ""],
            &["2", "Desa Tertinggal", "0,4907 < IDM ≤ 0,5989", ""],
            &["3", "Desa Berkembang", "0,5989 < IDM ≤ 0,7072", ""],
            &["4", "Desa Maju", "0,7072 < IDM ≤ 0,8155", ""],
        ],
    },
    // R24: Pemerintah Desa Kalaan, Kec. Aranio, Kab. Banjar (Kalimantan Selatan) - Berita Acara Penetapan Status Desa (IDM) 2023, FORMAT DESA (reconstructed)
    RealHeader {
        source: "Berita Acara Penetapan Status Desa, Desa Kalaan, 29 Mei 2023 (Kemendesa 'FORMAT DESA'); https://id.scribd.com/document/653949061/Ba-Idm-2023-Kalaan",
        rows: &[
            &["KODE PROV", "NAMA PROVINSI", "KODE KAB", "NAMA KABUPATEN", "KODE KEC", "NAMA KECAMATAN", "KODE DESA", "NAMA DESA", "IKS 2023", "IKE 2023", "IKL 2023", "NILAI IDM 2023", "STATUS IDM 2023"],
        ],
        merges: &[],
        numbering: &[],
        kind: "idm_desa",
        roles: &["code", "name", "code", "name", "code", "name", "code", "name", "index", "index", "index", "index", "status"],
        body: &[
            &["63", "KALIMANTAN SELATAN", "6303", "BANJAR", "630311", "ARANIO", "6303112002", "KALAAN", "0.7543", "0.6", "0.6667", "0.6737", "BERKEMBANG"],
        ],
    },
    // R25: Pemerintah Desa Pantai Linuh, Kec. Batu Ampar, Kab. Tanah Laut (Kalimantan Selatan) - Berita Acara Penetapan Status Desa (IDM) 2022, FORMAT DESA (reconstructed)
    RealHeader {
        source: "Berita Acara Penetapan Status Desa, Desa Pantai Linuh, 8 April 2022; https://id.scribd.com/document/591903718/Berita-Acara-IDM-Desa",
        rows: &[
            &["KODE PROV", "NAMA PROVINSI", "KODE KAB", "NAMA KABUPATEN", "KODE KEC", "NAMA KECAMATAN", "KODE DESA", "NAMA DESA", "IKS 2022", "IKE 2022", "IKL 2022", "NILAI IDM 2022", "STATUS IDM 2022"],
        ],
        merges: &[],
        numbering: &[],
        kind: "idm_desa",
        roles: &["code", "name", "code", "name", "code", "name", "code", "name", "index", "index", "index", "index", "status"],
        body: &[
            &["63", "Kalimantan Selatan", "6301", "Tanah Laut", "630109", "Batu Ampar", "63010920210", "Pantai Linuh", "0,8571", "0,7000", "0,6667", "0,7413", "MAJU"],
        ],
    },
    // R26: Pemerintah Desa Kota Napal, Kec. Bunga Mayang, Kab. Lampung Utara (Lampung) - Berita Acara Penetapan Status Desa (IDM) 2021 (reconstructed)
    RealHeader {
        source: "Berita Acara Penetapan Status Desa, Desa Kota Napal, 2 April 2021; https://id.scribd.com/document/525859850/Berita-Acara-Idm-2021",
        rows: &[
            &["KODE PROV", "NAMA PROVINSI", "KODE KAB", "NAMA KABUPATEN", "KODE KECAMATAN", "NAMA KECAMATAN", "KODE DESA", "NAMA DESA", "IKS 2021", "IKE 2021", "IKL 2021", "NILAI IDM 2021", "STATUS IDM2021"],
        ],
        merges: &[],
        numbering: &[],
        kind: "idm_desa",
        roles: &["code", "name", "code", "name", "code", "name", "code", "name", "index", "index", "index", "index", "status"],
        body: &[
            &["18", "LAMPUNG", "1803", "LAMPUNG UTARA", "180316", "BUNGA MAYANG", "1803162002", "KOTA NAPAL", "0,7943", "0,4833", "0,6667", "0,6481", "BERKEMBANG"],
        ],
    },
    // R27: Balai Karantina Pertanian Kelas II Yogyakarta (Kementerian Pertanian) - Indikator Kinerja Tambahan 2020 (exact)
    RealHeader {
        source: "GitHub 205411203/sikepo-old, application/views/tambahan.php ('Indikator Kinerja Tambahan — Balai Karantina Pertanian Kelas II Yogyakarta Tahun 2020', rows hard-coded)",
        rows: &[
            &["No.", "Indikator Kinerja Tambahan", "Target", "Capaian", "Evaluasi/Tindak lanjut"],
        ],
        merges: &[],
        numbering: &[],
        kind: "capaian",
        roles: &["no", "name", "measure", "measure", "status"],
        body: &[
            &["1", "Menjadi lembaga pelayanan publik dengan indeks dan survey kepuasan masyarakat mencapai nilai 84 melalui metode wawancara", "84", "86", "Tercapai"],
            &["2", "Menjadi instansi pelayanan publik dengan tingkat gratifikasi dan pungutan liar 0%", "0%", "0%", "Tercapai"],
            &["3", "Laporan indikasi suap dan pungutan liar yang dilaporkan dari pihak eksternal dan internal  sebesar 0 %", "0%", "0%", "Tercapai"],
        ],
    },
    // R28: Dinas Ketahanan Pangan (kabupaten not named), e-monev app - Laporan Realisasi Kegiatan Pembangunan TA 2020, keadaan Januari–Maret, sumber dana APBN (RFK form) (exact)
    RealHeader {
        source: "GitHub afilamediakarya/demonev, resources/views/Export/apbn.blade.php (commit 48a3b9d4); title rows 'LAPORAN REALISASI KEGIATAN PEMBANGUNAN' / 'DINAS KETAHANAN PANGAN TAHUN ANGGGARAN 2020 KEADAAN BULAN JANUARI - MARET' / 'SUMBER DANA APBN'",
        rows: &[
            &["NO", "NAMA UNIT KERJA", "SUMBER DANA", "JUMLAH DANA / DPA (RP)", "BOBOT", "REALISASI KEUANGAN (RP)", "REALISASI (%)", "", "INDIKATOR KERJA KELUARAN (OUTPUT)", "", "PERSENTASE TERTIMBANG", "", "PPTK/PELAKASANA", "KET"],
            &["", "", "", "", "", "", "FISIK", "KEUANGAN", "NARASI", "SATUAN", "FISIK (%)", "KEUANGAN (%)", "", ""],
        ],
        merges: &[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 0, 7), (0, 8, 0, 9), (0, 10, 0, 11), (0, 12, 1, 12), (0, 13, 1, 13)],
        numbering: &[],
        kind: "tabel",
        roles: &["no", "name", "category", "money", "percent", "money", "percent", "percent", "text", "unit", "percent", "percent", "text", "remarks"],
        body: &[],
    },
    // R29: Inspektorat Kabupaten Majalengka (Jawa Barat), e-SAKIP app - LHE AKIP per perangkat daerah (PermenPANRB 88/2021) — component score table (exact)
    RealHeader {
        source: "GitHub Rayhanyl/esakip-app, resources/views/akses_publik/evaluasi_internal/lhe.blade.php (commit 2014aacb), letter 'Hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Tahun …', Inspektorat Kabupaten Majalengka",
        rows: &[
            &["Komponen yang dinilai", "Bobot", "Nilai {{ $evaluasi->tahun }}"],
        ],
        merges: &[],
        numbering: &[],
        kind: "tabel",
        roles: &["name", "index", "index"],
        body: &[
            &["a.    Perencanaan Kinerja", "", ""],
            &["b.    Pengukuran Kinerja", "", ""],
            &["c.    Pelaporan Kinerja", "", ""],
            &["d.    Evaluasi Akuntabilitas Kinerja Internal", "", ""],
            &["Nilai Hasil Evaluasi", "100", ""],
            &["Predikat AKIP", "", ""],
        ],
    },
    // R30: Bappedalitbang Kabupaten Deli Serdang (Sumatera Utara) - Evaluasi Renja 2025 (Permendagri 86/2017 'Evaluasi Terhadap Hasil RKPD'), sheet Realisasi TW IV (exact)
    RealHeader {
        source: "/work/shared/real/renja-deli-serdang/EVALUASI RENJA BAPPEDALITBANG TAHUN 2025.xlsx, sheet 'Realisasi TW IV', rows 6-7 and 9 (row 8 is the numbering row)",
        rows: &[
            &["No", "", "", "", "", "Sasaran Perangkat daerah", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "Satuan", "Target Renstra Perangkat Daerah Pada Tahun 2030  (Akhir Periode Renstra Perangkat Daerah)", "", "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun 2024", "", "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun 2025) yang dievaluasi", "", "Realisasi Kinerja Pada Triwulan", "", "", "", "", "", "", "", "", "", "", "", "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi", "", "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah  s/d Tahun 2025 (Akhir Tahun Pelaksanaan Renja Perangkat Daerah)", "", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun 2030 (%)", ""],
            &["", "Visi", "Misi", "Sasaran RPJMD/ NSPK", "Tujuan Perangkat Daerah", "", "", "", "", "", "", "", "", "", "", "I", "", "", "II", "", "", "III", "", "", "IV", "", "", "", "", "", "", "", ""],
            &["", "", "", "", "", "", "", "", "", "K", "Rp.", "K", "Rp.", "K", "Rp.", "K", "%", "Rp.", "K", "%", "Rp.", "K", "%", "Rp.", "K", "%", "Rp.", "K", "Rp.", "K", "Rp.", "K", "Rp."],
        ],
        merges: &[(0, 0, 1, 0), (0, 5, 1, 5), (0, 6, 1, 6), (0, 7, 1, 7), (0, 8, 1, 8), (0, 9, 1, 10), (0, 11, 1, 12), (0, 13, 1, 14), (0, 15, 0, 26), (0, 27, 1, 28), (0, 29, 1, 30), (0, 31, 1, 32), (1, 15, 1, 17), (1, 18, 1, 20), (1, 21, 1, 23), (1, 24, 1, 26)],
        numbering: &["1", "", "", "", "", "2", "3", "4", "5", "6", "", "7", "", "8", "", "9", "", "", "10", "", "", "11", "", "", "12", "", "", "13 = 9 + 10 + 11 + 12", "", "14 = 7 + 13", "", "15 = 14 / 6 x 100", ""],
        kind: "evaluasi_renja",
        roles: &["no", "text", "text", "text", "text", "category", "name", "text", "unit", "measure", "money", "measure", "money", "measure", "money", "measure", "percent", "money", "measure", "percent", "money", "measure", "percent", "money", "measure", "percent", "money", "measure", "money", "measure", "money", "percent", "percent"],
        body: &[],
    },
    // R31: Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan (Lampung) - SIPD 'Rekapitulasi Belanja menurut Urusan … Sub Kegiatan beserta Keluaran' July 2026 (exact)
    RealHeader {
        source: "/work/shared/real/sipd-lampung-selatan/lra_juli.xlsx, rows 6-8 header, row 9 numbering",
        rows: &[
            &["Kode", "", "", "", "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan", "Kelompok Belanja", "", "", "", "", "", "", ""],
            &["", "", "", "", "", "Operasi", "", "Modal", "", "Tak Terduga", "", "Transfer", ""],
            &["", "", "", "", "", "Anggaran", "Realisasi", "Anggaran", "Realisasi", "Anggaran", "Realisasi", "Anggaran", "Realisasi"],
        ],
        merges: &[(0, 0, 2, 3), (0, 4, 2, 4), (0, 5, 0, 12), (1, 5, 1, 6), (1, 7, 1, 8), (1, 9, 1, 10), (1, 11, 1, 12)],
        numbering: &["1", "", "", "", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
        kind: "sipd_realisasi",
        roles: &["code", "code", "code", "code", "name", "money", "money", "money", "money", "money", "money", "money", "money"],
        body: &[
            &["2", "", "", "", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", "10.701.893.800,00", "643.531.783,00", "109.048.100,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "", "", "", "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA", "10.373.024.900,00", "610.005.660,00", "109.048.100,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "2.16.2.20.2.21.01.0000", "", "", "Dinas Komunikasi dan Informatika", "10.373.024.900,00", "610.005.660,00", "109.048.100,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "2.16.2.20.2.21.01.0000", "2.16.01", "", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "3.569.304.500,00", "225.619.160,00", "109.048.100,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "27.046.200,00", "1.745.476,00", "0,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01.0001", "", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "12.226.200,00", "498.224,00", "0,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
            &["2.16", "2.16.2.20.2.21.01.0000", "2.16.01.2.01.0001", "5.1.02", "Belanja Barang dan Jasa", "12.226.200,00", "498.224,00", "0,00", "0,00", "0,00", "0,00", "0,00", "0,00"],
        ],
    },
    // R32: Kabupaten Serang (Banten), office IDM workbook - DataTrainingKabSerang.xlsx, IDM 2021–2024 per village (exact)
    RealHeader {
        source: "/work/shared/real/idm-serang/DataTrainingKabSerang.xlsx (also GitHub antondwifitriyanto/idm-neuralnetwork, DataTrainingKabSerang.xlsx)",
        rows: &[
            &["KODE PROV", "NAMA PROVINSI", "KODE KAB", "NAMA KABUPATEN", "KODE KEC", "NAMA KECAMATAN", "KODE DESA", "NAMA DESA", "IKS 2021", "IKE 2021", "IKL 2021", "NILAI IDM 2021", "STATUS IDM 2021", "IKS 2022", "IKE 2022", "IKL 2022", "NILAI IDM 2022", "STATUS IDM 2022", "IKS 2023", "IKE 2023", "IKL 2023", "NILAI IDM 2023", "STATUS IDM 2023", "IKS 2024", "IKE 2024", "IKL 2024", "NILAI IDM 2024", "STATUS IDM 2024"],
        ],
        merges: &[],
        numbering: &[],
        kind: "idm_desa",
        roles: &["code", "name", "code", "name", "code", "name", "code", "name", "index", "index", "index", "index", "status", "index", "index", "index", "index", "status", "index", "index", "index", "index", "status", "index", "index", "index", "index", "status"],
        body: &[],
    },
    // R33: Bappeda Kabupaten Sukabumi (Jawa Barat) - Formulir Evaluasi Hasil terhadap RENJA PD / RKPD Tahun 2019 (Permendagri 86/2017) (exact)
    RealHeader {
        source: "GitHub kresno/sepeng, layout.php (commit 92e9c835): HTML copy of the form 'Formulir — Evaluasi Hasil terhadap RENJA PD — Kabupaten Sukabumi — Tahun 2019', with a link to download/bappeda.xlsx; title rows 'Sasaran Pembangunan Tahunan Kabupaten : Sukabumi', 'Sasaran : Meningkatnya Kualitas Perencanaan Pembangunan Daerah'",
        rows: &[
            &["No", "Kode", "", "", "", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "Target RPJMD pada Tahun 2016 s/d 2021 (Periode RPJMD)", "", "", "Realisasi Capaian Kinerja RPJMD s/d RKPD Tahun Lalu (n-2)", "", "Target Kinerja dan Anggaran RKPD Tahun berjalan (tahun n-1) yang dievaluasi", "", "Realisasi Kinerja Pada Triwulan", "", "", "", "", "", "", "", "Realisasi Capaian Kinerja dan Anggaran RKPD yang Dievaluasi (tahun n-1)", "", "Tingkat Capaian Kinerja dan Realisasi Anggaran RKPD Tahun n-1 (%)", "", "Realisasi Kinerja & Anggaran RPJMD s/d Tahun n-1 (Akhir Thn Pelaks RKPD)", "", "Tingkat Capaian Kinerja dan Realisasi Anggaran RPJMD s/d Tahun n-1 (%)", "", "Perangkat Daerah Penanggung Jawab", "Keterangan"],
            &["", "", "", "", "", "", "", "", "", "", "", "", "", "", "I", "", "II", "", "III", "", "IV", "", "", "", "", "", "", "", "", "", "", ""],
            &["", "", "", "", "", "", "", "K", "", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp. (000)", "K", "Rp", "K", "Rp. (000)", "K", "Rp.", "", ""],
        ],
        merges: &[(0, 0, 2, 0), (0, 1, 2, 4), (0, 5, 2, 5), (0, 6, 2, 6), (0, 7, 1, 9), (0, 10, 1, 11), (0, 12, 1, 13), (0, 14, 0, 21), (1, 14, 1, 15), (1, 16, 1, 17), (1, 18, 1, 19), (1, 20, 1, 21), (0, 22, 1, 23), (0, 24, 1, 25), (0, 26, 1, 27), (0, 28, 1, 29), (0, 30, 2, 30), (0, 31, 2, 31), (2, 7, 2, 8)],
        numbering: &["1", "2", "", "", "", "3", "4", "5", "", "", "6", "", "7", "", "8", "", "9", "", "10", "", "11", "", "12=8+9+10+11", "", "13 = 12/7 *100", "", "14 = 6+12", "", "15 = 14/5 *100", "", "16", "17"],
        kind: "evaluasi_renja",
        roles: &["no", "code", "code", "code", "code", "name", "text", "measure", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "measure", "money", "text", "remarks"],
        body: &[],
    },
    // R34: A village (desa) APBDes realisation, SIMDD app (desa not named) - Laporan realisasi APBDes (pendapatan, belanja per bidang, pembiayaan) (exact)
    RealHeader {
        source: "GitHub IsalGani/SIMDD, resources/views/partials/rincianDanaDesa.blade.php (commit fca3a8ef); rows hard-coded in the view",
        rows: &[
            &["", "Uraian", "anggaran", "realisasi", "Lebih/kurang", "presentase"],
        ],
        merges: &[],
        numbering: &[],
        kind: "tabel",
        roles: &["category", "name", "money", "money", "money", "percent"],
        body: &[
            &["Pendapatan", "", "", "", "", ""],
            &["", "Pendapatan Transfer", "860.111.000", "860.111.000", "0", "100"],
            &["", "Dana Desa", "860.111.000", "860.111.000", "0", "100"],
            &["", "JUMLAH PENDAPATAN", "860.111.000", "860.111.000", "0", "0"],
            &["Bidang Pelaksanaan Pembangunan Desa", "", "564.134.444", "564.134.444", "17.739.762", "96.86"],
            &["Bidang Pembinaan Kemasyarakatan", "", "204.574.076", "160.378.832", "44.195.244", "96.86"],
            &["", "Pembinaan Group Kesehatan dan Kebudayaan Tingkat Desa", "5.200.000", "5.020.000", "175.000", "96.63"],
            &["", "Pembangunan Rehabilitasi/Peningkatan Sarana dan Prasarana Kepemudaaan & Olahraga Milik Desa", "199.374.076", "155.353.832", "44.020.244", "77.92"],
            &["Bidang Pemberdayaan Masyarakat", "", "3.000.000", "0", "3.000.000", "0"],
            &["Bidang Penanggulangan Bencana, Darurat Dan Mendesak Desa", "", "401.133.500", "399.933.500", "1.200.000", "99.70"],
            &["", "Kegiatan Penanggulangan Bencana", "1.833.500", "1.833.500", "0", "100"],
            &["", "Penanganan Keadaan Mendesak", "399.300.000", "398.100.000", "1.200.000", "99.70"],
            &["", "JUMLAH BELANJA\nSURPLUS/(DEFISIT)", "1.172.842.020\n-312.731.020", "1.106.707.014\n-246.596.014", "66.135.006\n-66.135.006", "94.36\n-27.15"],
            &["Penerimaan Pembiayaan", "", "312.731.020", "312.731.020", "0", ""],
            &["", "SLIPA Tahun Sebelumnya", "312.731.020", "312.731.020", "0", ""],
            &["", "PEMBIAYAAN NETO\nSILPA/SILPA TAHUN BERJALAN", "312.731.020\n0", "312.731.020\n66.135.006<", "0\n-66.135.006", ""],
        ],
    },
    // R35: OpenSID (village information system used by thousands of desa) - Laporan realisasi APBDes 'tabel_laporan_rp_apbd' (Siskeudes data) (exact)
    RealHeader {
        source: "GitHub OpenSID/OpenSID, donjo-app/views/keuangan/tabel_laporan_rp_apbd.php",
        rows: &[
            &["Uraian", "", "", "", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa Anggaran (Rp)", "Persentase (%)"],
        ],
        merges: &[(0, 0, 0, 3)],
        numbering: &[],
        kind: "tabel",
        roles: &["code", "code", "name", "name", "money", "money", "money", "percent"],
        body: &[],
    },
    // R36: Dinas Kependudukan dan Pencatatan Sipil Kabupaten Polewali Mandar (Sulawesi Barat) - Indikator Kinerja Utama (IKU Renstra) in e-SAKIP 'simkinerja' (reconstructed)
    RealHeader {
        source: "Pemkab Polewali Mandar e-SAKIP, 'INDIKATOR KINERJA UTAMA — DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'; http://simkinerja.polmankab.go.id/Beranda/ikurenstra/1.9",
        rows: &[
            &["No", "Kode", "Sasaran Renstra", "Kode Indikator", "Indikator", "Satuan", "Formulasi", "Unit Penanggung Jawab"],
        ],
        merges: &[],
        numbering: &[],
        kind: "iku",
        roles: &["no", "code", "category", "code", "name", "unit", "text", "text"],
        body: &[
            &["1", "9.1.1", "Meningkatnya kualitas pelayanan administrasi kependudukan dan pencatatan sipil", "", "", "", "", ""],
            &["", "", "", "9.1.1.1", "Persentase kepemilikan KTP elektronik", "persen", "Jumlah Penduduk yang wajib ber-KTP memiliki KTP-el\n--------------------------------------------------------------------------     X    100\nJumlah Penduduk yang wajib ber-KTP", "Bidang Pengelolaan Informasi Administrasi Kependudukan (PIAK)"],
            &["", "", "", "9.1.1.3", "Persentase penerbitan akta kelahiran 0-18 tahun", "persen", "Jumlah Penduduk Usia s.d 18 Tahun yang memiliki\nAkta Kelahiran\n-----------------------------------------------------------------------    X  100\nJumlah Penduduk Usia s.d. 18 Tahun", "Bidang Pengelolaan Informasi Administrasi Kependudukan (PIAK)"],
            &["2", "9.1.2", "Meningkatnya kualitas tata kelola pemerintahan perangkat daerah", "", "", "", "", ""],
            &["", "", "", "9.1.2.1", "Predikat SAKIP Perangkat Daerah", "predikat", "Hasil Review Inspektorat atas implementasi SAKIP  pada Perangkat Daerah, meliputi : Perencanaan Kinerja, Pegukuran Kinerja, Pelaporan Kinerja, dan Review Kinerja\nPredikat SAKIP meliputi :\n- AA > 90 - 100 : Sangat Memuaskan\n- A > 80 - 90 : Memuaskan\n- BB > 70 - 80 : Sangat baik\n- B > 60 - 70 : Baik\n- CC > 50 - 60 : Cukup\n- C > 30 - 50 : Kurang\n- D > 0 - 30 : Sangat Kurang", ""],
        ],
    },
    // R37: Dinas Sosial, Tenaga Kerja dan Transmigrasi Kota Surakarta (Jawa Tengah) - Tabel 2.1 Jumlah Pegawai Berdasarkan Golongan/Kepangkatan (Februari 2009), quoted in a study (reconstructed)
    RealHeader {
        source: "Study quoting 'Sumber : Sub Bagian Umum dan Kepegawaian Dinsosnakertrans Kota Surakarta Februari 2009', Tabel 2.1 'Jumlah Pegawai Berdasarkan Golongan/Kepangkatan'; https://text-id.123dok.com/document/6qmog2mwy-identifikasi-pegawai-deskripsi-lokasi-penelitian.html",
        rows: &[
            &["No.", "Golongan/Pangkat", "Jumlah"],
        ],
        merges: &[],
        numbering: &[],
        kind: "personil",
        roles: &["no", "category", "count"],
        body: &[
            &["1.", "Golongan IVc", "1 orang"],
            &["2.", "Golongan IVb", "4 orang"],
            &["3.", "Golongan IVa", "6 orang"],
            &["4.", "Golongan IIId", "20 orang"],
            &["5.", "Golongan IIIc", "15 orang"],
            &["6.", "Golongan IIIb", "23 orang"],
            &["7.", "Golongan IIIa", "6 orang"],
            &["8.", "Golongan IId", "6 orang"],
            &["9.", "Golongan IIc", "2 orang"],
            &["10.", "Golongan IIb", "1 orang"],
            &["11.", "Golongan IIa", "9 orang"],
            &["12.", "Honorer", "1 orang"],
            &["", "Jumlah", "94 orang"],
        ],
    },
    // R38: Pemerintah Kota Tangerang Selatan (Banten), revenue realisation app - Laporan Realisasi Anggaran Pendapatan dan Belanja Pemda per Rekening Jenis (exact)
    RealHeader {
        source: "GitHub ismarianto12/realisasi_daerah, resources/views/laporan_pendapatan/rincian_object.blade.php (title 'PEMERINTAH KOTA TANGERANG SELATAN — LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA PEMDA — PER REKENING JENIS — TAHUN ANGGARAN … PERIODE : … S/D …')",
        rows: &[
            &["No", "Uraian", "Pagu Anggaran", "Jumlah Realisasi (Rp.)", "", "", "Lebih Kurang", ""],
            &["", "", "", "S/D Periode Lalu", "Periode Ini", "Total", "(Rp.)", "%"],
        ],
        merges: &[(0, 3, 0, 5), (0, 6, 0, 7)],
        numbering: &["1", "2", "3", "4", "5", "6", "7", "8"],
        kind: "tabel",
        roles: &["code", "name", "money", "money", "money", "money", "money", "percent"],
        body: &[],
    },
    // R39: Pemerintah Kota Tangerang Selatan (Banten), revenue realisation app - Realisasi Pendapatan & Retribusi Daerah APBD, sampai dengan Desember (by month) (exact)
    RealHeader {
        source: "GitHub ismarianto12/teting_app, storage/framework/views/5d88637f8dada729a8763d99c70fdd1335d77b04.php (compiled Blade view; title 'REALISASI PENDAPATAN & RETRIBUSI DAERAH APBD <tahun> — SAMPAI DENGAN DESEMBER <tahun>')",
        rows: &[
            &["URAIAN", "", "", "", "", "APBD <?php echo e($tahun); ?>", "JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"],
        ],
        merges: &[(0, 0, 0, 4)],
        numbering: &["", "", "", "", "", "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        kind: "tabel",
        roles: &["code", "code", "code", "code", "name", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money", "money"],
        body: &[],
    },
];
