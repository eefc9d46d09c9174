//! The report PDF: a report resembling the 2023 DPMK Way Kanan LKjIP, built in
//! code, rendered, and read back with poppler (pdftotext, pdfinfo, pdffonts) and
//! qpdf, as a reader would see it.

use kinerja::render::{
    render, render_pdf, render_pdf_with, Align, BarChart, Block, Chapter, ColumnSpec, DocumentDate,
    ListBlock, ListStyle, Official, RenderOptions, Report, RowStyle, Signature, TableBlock,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A kegiatan name of well over 300 characters: must come out whole.
const LONG_KEGIATAN: &str =
    "Fasilitasi Penataan, Pemberdayaan dan Pendayagunaan Kelembagaan Lembaga \
Kemasyarakatan Desa/Kelurahan (RT, RW, PKK, Posyandu, LPM, dan Karang Taruna), Lembaga Adat \
Desa/Kelurahan dan Masyarakat Hukum Adat serta Pendampingan Teknis Pengurus Lembaga Kemasyarakatan \
Desa dalam Penyusunan Rencana Kerja Tahunan dan Pelaporan Kegiatan di Seluruh Kampung";

/// Sixty characters without a break: wider than the column it sits in.
const TOKEN: &str = "DPMKWK2023LKJIP000000000000000000000000000000000000000000042";

const DRAFT: &str = "DRAFT \u{2014} 3 temuan belum diselesaikan";

fn s(x: &str) -> String {
    x.to_string()
}

fn rp(d: Decimal) -> String {
    let int = d.round().to_string();
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(*c);
    }
    out
}

fn pct(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return s("-");
    }
    format!("{:.2}", (part / whole * dec!(100)).round_dp(2)).replace('.', ",")
}

fn head() -> Official {
    Official {
        name: s("IXUAN AHMADI, S.Sos., MM"),
        rank: s("Pembina Utama Muda (IV/c)"),
        nip: s("19751101 199503 1 001"),
        position: vec![
            s("KEPALA DINAS"),
            s("PEMBERDAYAAN MASYARAKAT"),
            s("DAN KAMPUNG KABUPATEN WAY KANAN,"),
        ],
    }
}

fn para(t: &str) -> Block {
    Block::Paragraph(t.to_string())
}

fn h(level: u8, t: &str) -> Block {
    Block::Heading {
        level,
        text: t.to_string(),
    }
}

fn col(header: &str, weight: u32, align: Align) -> ColumnSpec {
    ColumnSpec::new(header, weight, align)
}

const LOREM: &str = "Laporan Kinerja Instansi Pemerintah (LKjIP) ini merupakan wujud pertanggungjawaban \
penyelenggaraan pemerintahan dan pembangunan daerah pada setiap tahun anggaran berdasarkan Rencana \
Strategis dan Rencana Kerja Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan, yang \
diharapkan menjadi tolok ukur kinerja setiap kegiatan terkait penggunaan dana, baik yang bersumber dari \
APBD maupun APBN, sebagaimana yang disepakati pada awal tahun anggaran.";

/// The 30 kegiatan of Tabel 3.4 in four programs: (program, [(kegiatan, pagu, realisasi)]).
/// Programs with their kegiatan (name, pagu, realisasi).
type Programs = Vec<(&'static str, Vec<(String, Decimal, Decimal)>)>;

fn budget() -> Programs {
    let k = |n: &str, p: Decimal, r: Decimal| (n.to_string(), p, r);
    vec![
        (
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            vec![
                k("Penyusunan Dokumen Perencanaan Perangkat Daerah", dec!(1126000), dec!(1114600)),
                k("Koordinasi dan Penyusunan Dokumen RKA-SKPD", dec!(1175000), dec!(1133700)),
                k("Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", dec!(1296000), dec!(1268700)),
                k("Evaluasi Kinerja Perangkat Daerah", dec!(1688000), dec!(1657800)),
                k("Penyediaan Gaji dan Tunjangan ASN", dec!(1977761700), dec!(1916739612)),
                k("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", dec!(115800000), dec!(115800000)),
                k("Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", dec!(1586000), dec!(1498300)),
                k("Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD", dec!(1326000), dec!(1260100)),
                k("Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", dec!(3066000), dec!(2886000)),
                k("Penyediaan Bahan Logistik Kantor", dec!(27393385), dec!(27392460)),
                k("Penyediaan Barang Cetakan dan Penggandaan", dec!(3582700), dec!(3413900)),
                k("Fasilitasi Kunjungan Tamu", dec!(8220000), dec!(6720000)),
                k("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", dec!(186700000), dec!(150074586)),
                k("Pengadaan Pakaian Dinas Beserta Atribut dan Kelengkapannya", dec!(18600000), dec!(0)),
                k("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", dec!(127740000), dec!(114435504)),
                k(&format!("Pemeliharaan Peralatan dan Mesin Lainnya (kode {TOKEN})"), dec!(9200000), dec!(9200000)),
            ],
        ),
        (
            "PROGRAM PENINGKATAN KERJASAMA DESA",
            vec![k("Fasilitasi Kerja Sama Antar Desa dengan Pihak Ketiga dalam Kabupaten/Kota", dec!(44342000), dec!(41615400))],
        ),
        (
            "PROGRAM ADMINISTRASI PEMERINTAHAN DESA",
            vec![
                k("Fasilitasi Penyelenggaraan Administrasi Pemerintahan Desa", dec!(275709600), dec!(262295800)),
                k("Fasilitasi Penyusunan Perencanaan Pembangunan Desa", dec!(74540300), dec!(62982800)),
                k("Fasilitasi Pengelolaan Keuangan Desa", dec!(122348900), dec!(105964825)),
                k("Pembinaan dan Pemberdayaan BUM Desa dan Lembaga Kerja sama antar Desa", dec!(86805000), dec!(77401200)),
                k("Penyelenggaraan Pemilihan, Pengangkatan dan Pemberhentian Kepala Desa", dec!(952892700), dec!(928610890)),
                k("Fasilitasi Penyusunan Profil Desa", dec!(131243400), dec!(115678100)),
                k("Fasilitasi Pengelolaan Aset Desa", dec!(162500000), dec!(126646900)),
                k("Pembinaan Peningkatan Kapasitas Anggota BPD", dec!(79800000), dec!(78758700)),
                k("Fasilitasi Evaluasi Perkembangan Desa serta Lomba Desa dan Kelurahan", dec!(92617900), dec!(0)),
            ],
        ),
        (
            "PROGRAM PEMBERDAYAAN LEMBAGA KEMASYARAKATAN, LEMBAGA ADAT DAN MASYARAKAT HUKUM ADAT",
            vec![
                k(LONG_KEGIATAN, dec!(275977000), dec!(257546500)),
                k("Fasilitasi Pemerintah Desa dalam Pemanfaatan Teknologi Tepat Guna", dec!(119652900), dec!(118932900)),
                k("Fasilitasi Penyelenggaraan Ketentraman, Ketertiban dan Perlindungan Masyarakat Desa", dec!(1106200000), dec!(1106197000)),
                k("Fasilitasi Tim Penggerak PKK dalam Penyelenggaraan Gerakan Pemberdayaan Masyarakat dan Kesejahteraan Keluarga", dec!(589640100), dec!(585265600)),
            ],
        ),
    ]
}

fn budget_table() -> TableBlock {
    let mut rows = Vec::new();
    let mut styles = Vec::new();
    let (mut tp, mut tr) = (Decimal::ZERO, Decimal::ZERO);
    for (program, kegiatan) in budget() {
        rows.push(vec![s(program), s(""), s(""), s("")]);
        styles.push(RowStyle::Group);
        let (mut sp, mut sr) = (Decimal::ZERO, Decimal::ZERO);
        for (name, p, r) in kegiatan {
            rows.push(vec![name, rp(p), rp(r), pct(r, p)]);
            styles.push(RowStyle::Normal);
            sp += p;
            sr += r;
        }
        rows.push(vec![s("Jumlah Program"), rp(sp), rp(sr), pct(sr, sp)]);
        styles.push(RowStyle::Subtotal);
        tp += sp;
        tr += sr;
    }
    rows.push(vec![s("TOTAL"), rp(tp), rp(tr), pct(tr, tp)]);
    styles.push(RowStyle::Total);
    TableBlock {
        number: s("Tabel 3.4"),
        title: s("Realisasi Capaian Program dan Kegiatan Tahun 2023"),
        columns: vec![
            col("PROGRAM/KEGIATAN", 52, Align::Left),
            col("PAGU ANGGARAN (Rp)", 18, Align::Right),
            col("REALISASI (Rp)", 18, Align::Right),
            col("%", 9, Align::Right),
        ],
        number_columns: true,
        rows,
        row_styles: styles,
        footnote: Some(s(
            "Sumber: DPA dan Laporan Realisasi Anggaran Dinas PMK Tahun 2023.",
        )),
    }
}

const BASE: [&str; 24] = [
    "GUNUNG LABUHAN",
    "WAY TUBA",
    "PISANG BARU",
    "TANJUNG REJO",
    "KALI PAPAN",
    "REJO SARI",
    "GUNUNG KATUN",
    "BHAKTI NEGARA",
    "SERUPA INDAH",
    "PAKUAN RATU",
    "SUKA BUMI",
    "NEGARA BATIN",
    "KALIAWI INDAH",
    "SETIA NEGARA",
    "MEKAR ASRI",
    "BUMI BARU",
    "LEBAK PENIANGAN",
    "GUNUNG SARI",
    "TANJUNG RAYA",
    "UMPU BHAKTI",
    "KOTA WAY",
    "JAYA TINGGI",
    "SERDANG KURING",
    "PAGAR IMAN",
];
const KECAMATAN: [&str; 14] = [
    "GUNUNG LABUHAN",
    "BUMI AGUNG",
    "NEGERI AGUNG",
    "BARADATU",
    "PAKUAN RATU",
    "NEGARA BATIN",
    "NEGERI BESAR",
    "BLAMBANGAN UMPU",
    "REBANG TANGKAS",
    "KASUI",
    "BAHUGA",
    "BUAY BAHUGA",
    "UMPU SEMENGGUK",
    "WAY TUBA",
];

fn villages() -> TableBlock {
    let mut rows = Vec::new();
    for i in 0..221usize {
        let (status, idm) = if i < 26 {
            ("MANDIRI", 8160 + (i * 37) % 1000)
        } else if i < 123 {
            ("MAJU", 7080 + (i * 53) % 1060)
        } else {
            ("BERKEMBANG", 6000 + (i * 29) % 1060)
        };
        let name = format!("{} {}", BASE[i % BASE.len()], i / BASE.len() + 1);
        rows.push(vec![
            (i + 1).to_string(),
            name,
            s(KECAMATAN[(i * 5) % KECAMATAN.len()]),
            format!("0,{idm:04}"),
            s(status),
        ]);
    }
    TableBlock {
        number: s("Tabel L.2"),
        title: s(
            "Status Desa Berdasarkan Indeks Desa Membangun (IDM) Kabupaten Way Kanan Tahun 2023",
        ),
        columns: vec![
            col("NO.", 7, Align::Center),
            col("NAMA DESA", 34, Align::Left),
            col("KECAMATAN", 30, Align::Left),
            col("IDM", 12, Align::Right),
            col("STATUS", 17, Align::Left),
        ],
        number_columns: false,
        rows,
        row_styles: Vec::new(),
        footnote: Some(s(
            "(Sumber Data : Kemendes, PDT dan Transmigrasi Republik Indonesia).",
        )),
    }
}

fn idm_chart() -> BarChart {
    BarChart {
        number: s("Gambar 2.1"),
        title: s("Jumlah Kampung per Status IDM Kabupaten Way Kanan Tahun 2022 dan 2023"),
        series: vec![s("2022"), s("2023")],
        categories: vec![
            s("MANDIRI"),
            s("MAJU"),
            s("BERKEMBANG"),
            s("TERTINGGAL"),
            s("SANGAT TERTINGGAL"),
        ],
        values: vec![
            vec![dec!(10), dec!(53), dec!(154), dec!(2), dec!(0)],
            vec![dec!(26), dec!(97), dec!(98), dec!(0), dec!(0)],
        ],
        value_label: s("Jumlah kampung"),
    }
}

fn idm_summary() -> TableBlock {
    let counts = [
        ("MANDIRI", 10, 26),
        ("MAJU", 53, 97),
        ("BERKEMBANG", 154, 98),
        ("TERTINGGAL", 2, 0),
        ("SANGAT TERTINGGAL", 0, 0),
    ];
    let (t22, t23) = (Decimal::from(219), Decimal::from(221));
    let mut rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(k, a, b)| {
            let (a, b) = (Decimal::from(*a), Decimal::from(*b));
            vec![
                s(k),
                a.to_string(),
                format!("{}%", pct(a, t22)),
                b.to_string(),
                format!("{}%", pct(b, t23)),
            ]
        })
        .collect();
    rows.push(vec![
        s("JUMLAH"),
        s("219"),
        s("100,00%"),
        s("221"),
        s("100,00%"),
    ]);
    TableBlock {
        number: s("Tabel L.1"),
        title: s("Data Indeks Desa Membangun (IDM) Kabupaten Way Kanan Tahun 2022/2023"),
        columns: vec![
            col("KLASIFIKASI IDM", 36, Align::Left),
            col("JUMLAH", 16, Align::Right).grouped("2022"),
            col("%", 16, Align::Right).grouped("2022"),
            col("JUMLAH", 16, Align::Right).grouped("2023"),
            col("%", 16, Align::Right).grouped("2023"),
        ],
        number_columns: false,
        row_styles: vec![RowStyle::Normal; 5]
            .into_iter()
            .chain([RowStyle::Total])
            .collect(),
        rows,
        footnote: Some(s(
            "Sumber data: Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan.",
        )),
    }
}

fn iku_renstra() -> TableBlock {
    let g = "TARGET KINERJA SASARAN PADA TAHUN KE-";
    let mut columns = vec![
        col("NO", 5, Align::Center),
        col("SASARAN STRATEGIS", 22, Align::Left),
        col("INDIKATOR KINERJA", 18, Align::Left),
        col("PENJELASAN/ FORMULASI", 18, Align::Left),
        col("SATUAN", 9, Align::Center),
    ];
    for y in 2021..=2026 {
        columns.push(col(&y.to_string(), 8, Align::Right).grouped(g));
    }
    let rows = vec![
        vec![
            s("1."),
            s("Meningkatkan Kualitas SAKIP SKPD"),
            s("Nilai SAKIP Dinas PMK"),
            s("Penilaian Inspektorat Kabupaten Way Kanan (APIP)"),
            s("Poin"),
            s("64,16"),
            s("65,16"),
            s("66,16"),
            s("67,16"),
            s("68,16"),
            s("69,16"),
        ],
        vec![
            s("2."),
            s("Meningkatkan Kualitas Kampung"),
            s("Indeks Kategori Kampung"),
            s("Rilis Kemendesa"),
            s("Poin"),
            s("3,05"),
            s("3,13"),
            s("3,19"),
            s("3,25"),
            s("3,29"),
            s("3,29"),
        ],
        vec![
            s("3."),
            s("Meningkatnya Ketahanan Ekonomi"),
            s("Nilai IKE"),
            s("Sesuai rumus IDM bagian IKE"),
            s("Poin"),
            s("0,5517"),
            s("0,5925"),
            s("0,6333"),
            s("0,6741"),
            s("0,7149"),
            s("0,7557"),
        ],
        vec![
            s("4."),
            s("Meningkatnya Ketahanan Sosial"),
            s("Nilai IKS"),
            s("Sesuai rumus IDM bagian IKS"),
            s("Poin"),
            s("0,7718"),
            s("0,7957"),
            s("0,8196"),
            s("0,8435"),
            s("0,8638"),
            s("0,8841"),
        ],
        vec![
            s("5."),
            s("Meningkatnya Ketahanan Lingkungan"),
            s("Nilai IKL"),
            s("Sesuai rumus IDM bagian IKL"),
            s("Poin"),
            s("0,6423"),
            s("0,6854"),
            s("0,7285"),
            s("0,7716"),
            s("0,8147"),
            s("0,8578"),
        ],
    ];
    TableBlock {
        number: s("Tabel L.3"),
        title: s("Indikator Kinerja Utama Dinas PMK Tahun 2021-2026"),
        columns,
        number_columns: true,
        rows,
        row_styles: Vec::new(),
        footnote: None,
    }
}

fn iku_achievement() -> TableBlock {
    let row = |n: &str, sas: &str, ind: &str, t: &str, r: &str, c: &str, k: &str| {
        vec![s(n), s(sas), s(ind), s("Poin"), s(t), s(r), s(c), s(k)]
    };
    TableBlock {
        number: s("Tabel 3.2"),
        title: s("Capaian Indikator Kinerja Utama Dinas PMK Kabupaten Way Kanan Tahun 2023"),
        columns: vec![
            col("NO", 5, Align::Center),
            col("SASARAN", 24, Align::Left),
            col("INDIKATOR KINERJA UTAMA", 22, Align::Left),
            col("SATUAN", 9, Align::Center),
            col("TARGET", 10, Align::Right),
            col("REALISASI", 11, Align::Right),
            col("CAPAIAN (%)", 10, Align::Right),
            col("KATEGORI", 12, Align::Center),
        ],
        number_columns: true,
        rows: vec![
            row(
                "1",
                "Meningkatkan Kualitas SAKIP SKPD",
                "Nilai SAKIP Dinas PMK",
                "66,16",
                "67,02",
                "101,30",
                "Baik Sekali",
            ),
            row(
                "2",
                "Meningkatkan Kualitas Kampung",
                "Indeks Kategori Kampung",
                "3,19",
                "3,22",
                "100,94",
                "Baik Sekali",
            ),
            row(
                "3",
                "Meningkatnya Ketahanan Ekonomi",
                "Nilai IKE",
                "0,6333",
                "0,6120",
                "96,64",
                "Baik",
            ),
            row(
                "4",
                "Meningkatnya Ketahanan Sosial",
                "Nilai IKS",
                "0,8196",
                "0,8301",
                "101,28",
                "Baik Sekali",
            ),
            row(
                "5",
                "Meningkatnya Ketahanan Lingkungan",
                "Nilai IKL",
                "0,7285",
                "0,7011",
                "96,24",
                "Baik",
            ),
        ],
        row_styles: Vec::new(),
        footnote: None,
    }
}

fn simple(number: &str, title: &str, cols: &[(&str, u32, Align)], rows: Vec<Vec<String>>) -> Block {
    Block::Table(TableBlock {
        number: s(number),
        title: s(title),
        columns: cols.iter().map(|(h, w, a)| col(h, *w, *a)).collect(),
        number_columns: false,
        rows,
        row_styles: Vec::new(),
        footnote: None,
    })
}

/// The report the tests render.
fn fixture(draft: Option<&str>) -> Report {
    let sig = || Block::Signature(Signature::of(&head(), "Blambangan Umpu, Januari 2024"));
    let sarana: Vec<Vec<String>> = [
        ("Randis Roda 4 (empat)", "3"),
        ("Randis Roda 2 (dua)", "6"),
        ("Mesin Tik Elektrik", "2"),
        ("Calculator", "1"),
        ("Filling Kabinet", "8"),
        ("Almari Besi", "10"),
        ("Brankas", "1"),
        ("Whiteboard", "2"),
        ("Almari Kayu", "3"),
        ("Kursi Kerja \u{bd} Biro", "14"),
        ("Kursi Rapat", "130"),
        ("Meja Kerja", "20"),
        ("Laptop", "13"),
        ("Printer", "10"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (n, j))| {
        vec![
            (i + 1).to_string(),
            s(n),
            s(j),
            s(if i == 0 { "Baik" } else { "" }),
        ]
    })
    .collect();
    Report {
        title: s("Laporan Kinerja Instansi Pemerintah"),
        acronym: s("LKjIP"),
        office: s("Dinas Pemberdayaan Masyarakat dan Kampung"),
        office_short: s("DPMK"),
        regency: s("Kabupaten Way Kanan"),
        province: s("Provinsi Lampung"),
        year: 2023,
        city: s("Blambangan Umpu"),
        address: vec![s("Jalan Camat Mas Enggung No. 12, Komplek Perkantoran PEMDA"), s("Blambangan Umpu 34564")],
        document_date: DocumentDate { year: 2024, month: 1, day: 31 },
        head: head(),
        draft_mark: draft.map(str::to_string),
        chapters: vec![
            Chapter {
                number: None,
                title: s("KATA PENGANTAR"),
                blocks: vec![
                    para("Dengan mengucapkan Syukur Alhamdulillah kehadirat Allah SWT, atas Rahmat dan Hidayah-Nya sehingga penyusunan Laporan Kinerja (LKj) Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan Tahun 2023 dapat diselesaikan dengan baik."),
                    para(LOREM),
                    para("Harapan kami semoga LKj ini bermanfaat dan dipedomani bagi aparatur di lingkungan Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan khususnya, dan masyarakat pada umumnya."),
                    sig(),
                ],
            },
            Chapter {
                number: None,
                title: s("IKHTISAR EKSEKUTIF"),
                blocks: vec![
                    para("Pada tahun 2023 Dinas Pemberdayaan Masyarakat dan Kampung menetapkan lima sasaran strategis dengan lima indikator kinerja utama. Tiga indikator mencapai kategori Baik Sekali dan dua indikator mencapai kategori Baik."),
                    Block::List(ListBlock {
                        style: ListStyle::Bullet,
                        items: vec![
                            s("Kampung berstatus Mandiri bertambah dari 10 menjadi 26 kampung, dan tidak ada lagi kampung berstatus Tertinggal maupun Sangat Tertinggal."),
                            s("Realisasi anggaran mencapai 93,97% dari pagu Rp6.796.834.585."),
                        ],
                    }),
                    para(LOREM),
                ],
            },
            Chapter { number: None, title: s("DAFTAR ISI"), blocks: vec![Block::TableOfContents] },
            Chapter {
                number: None,
                title: s("DAFTAR TABEL"),
                blocks: vec![Block::ListOfTables, h(2, "Daftar Gambar"), Block::ListOfFigures],
            },
            Chapter {
                number: Some(s("BAB I")),
                title: s("PENDAHULUAN"),
                blocks: vec![
                    h(2, "1.1. Latar Belakang"),
                    para(LOREM),
                    para(LOREM),
                    para(&format!("Dokumen ini juga diunggah ke https://sakip.waykanankab.go.id/dokumen/lkjip/2023/dinas-pemberdayaan-masyarakat-dan-kampung/lampiran-lengkap dengan nomor {TOKEN}.")),
                    h(2, "1.2. Maksud dan Tujuan"),
                    para(LOREM),
                    h(2, "1.3. Gambaran Umum Organisasi"),
                    para("Dalam melaksanakan tugas pokok dan fungsinya Dinas Pemberdayaan Masyarakat dan Kampung berfungsi sebagai:"),
                    Block::List(ListBlock {
                        style: ListStyle::Lettered,
                        items: vec![
                            s("perumusan kebijakan di bidang pembinaan pemerintahan kampung, tata wilayah kampung, penamaan dan kode kampung, penataan kewenangan kampung, penyusunan produk hukum kampung dan pengembangan kapasitas aparatur kampung;"),
                            s("pelaksanaan kebijakan di bidang pembinaan pemerintahan kampung;"),
                            s("pelaksanaan tugas lain yang diberikan oleh atasan."),
                        ],
                    }),
                    h(3, "1. Personil"),
                    Block::Table(TableBlock {
                        number: s("Tabel 1.1"),
                        title: s("Sumber Daya Manusia Dinas PMK"),
                        columns: vec![
                            col("NO", 5, Align::Center),
                            col("JABATAN", 25, Align::Left),
                            col("JML", 6, Align::Right),
                            col("PANGKAT/GOL/RUANG", 22, Align::Left),
                            col("JML", 6, Align::Right),
                            col("PENDIDIKAN FORMAL", 12, Align::Center),
                            col("JML", 6, Align::Right),
                        ],
                        number_columns: true,
                        rows: vec![
                            vec![s("1"), s("Kepala Dinas"), s("1"), s("Pembina Utama Muda (IV/c)"), s("1"), s("S2"), s("1")],
                            vec![s("2"), s("Sekretaris"), s("1"), s("Pembina (IV/a)"), s("1"), s("S2"), s("1")],
                            vec![s("3"), s("JF. Ahli Muda Penggerak Swadaya Masyarakat"), s("6"), s("Pembina (IV/a)\nPenata Tk. I (III/d)\nPenata (III/c)\nPenata Muda Tk. I (III/b)"), s("1\n3\n1\n1"), s("S2\nS1\nD3"), s("2\n3\n1")],
                            vec![s(""), s("Jumlah Total"), s("8"), s(""), s("8"), s(""), s("8")],
                        ],
                        row_styles: vec![RowStyle::Normal, RowStyle::Normal, RowStyle::Normal, RowStyle::Total],
                        footnote: None,
                    }),
                    h(3, "2. Sarana dan Prasarana"),
                    simple("Tabel 1.2", "Sarana dan Prasarana", &[("NO", 6, Align::Center), ("JENIS BARANG", 40, Align::Left), ("JUMLAH", 12, Align::Right), ("KETERANGAN", 20, Align::Left)], sarana),
                    h(3, "3. Pembiayaan"),
                    simple(
                        "Tabel 1.3",
                        "Pembiayaan Tahun 2023",
                        &[("NO", 6, Align::Center), ("URAIAN", 40, Align::Left), ("JUMLAH", 22, Align::Right)],
                        vec![
                            vec![s("I"), s("Belanja Daerah"), s("Rp6.796.834.585")],
                            vec![s("1."), s("Belanja Tidak Langsung"), s("Rp2.015.561.700")],
                            vec![s("2."), s("Belanja Langsung\na. Belanja Barang dan Jasa\nb. Belanja Modal"), s("Rp4.781.272.885\nRp4.754.111.885\nRp27.161.000")],
                        ],
                    ),
                    h(2, "1.4. Sistematika Penyajian"),
                    para(LOREM),
                ],
            },
            Chapter {
                number: Some(s("BAB II")),
                title: s("PERENCANAAN KINERJA"),
                blocks: vec![
                    h(2, "2.1. Rencana Strategis"),
                    para(LOREM),
                    h(3, "a. Tujuan"),
                    simple("Tabel 2.1", "Tujuan Dinas PMK Kabupaten Way Kanan", &[("NO.", 6, Align::Center), ("TUJUAN", 40, Align::Left), ("INDIKATOR TUJUAN", 30, Align::Left)], vec![
                        vec![s("1."), s("Meningkatnya Akuntabilitas Instansi Pemerintah"), s("Nilai Evaluasi SAKIP")],
                        vec![s("2."), s("Meningkatnya Keberdayaan Masyarakat Kampung"), s("Indeks Desa Membangun")],
                    ]),
                    h(3, "b. Klasifikasi Desa"),
                    simple("Tabel 2.2", "Klasifikasi Desa Berdasarkan IDM", &[("No.", 6, Align::Center), ("STATUS DESA", 30, Align::Left), ("NILAI BATAS", 30, Align::Left)], vec![
                        vec![s("1."), s("SANGAT TERTINGGAL"), s("\u{2264} 0,491")],
                        vec![s("2."), s("TERTINGGAL"), s("> 0,491 dan \u{2264} 0,599")],
                        vec![s("3."), s("BERKEMBANG"), s("> 0,599 dan \u{2264} 0,707")],
                        vec![s("4."), s("MAJU"), s("> 0,707 dan \u{2264} 0,815")],
                        vec![s("5."), s("MANDIRI"), s("> 0,815")],
                    ]),
                    para("Pada tahun 2023 jumlah kampung berstatus Mandiri menjadi 26, Maju 97 dan Berkembang 98, sebagaimana gambar berikut."),
                    Block::BarChart(idm_chart()),
                    h(2, "2.2. Indikator Kinerja Utama"),
                    para(LOREM),
                    h(2, "2.3. Perjanjian Kinerja Tahun 2023"),
                    para(LOREM),
                ],
            },
            Chapter {
                number: Some(s("BAB III")),
                title: s("AKUNTABILITAS KINERJA"),
                blocks: vec![
                    h(2, "3.1. Pengukuran Kinerja"),
                    para(LOREM),
                    Block::List(ListBlock {
                        style: ListStyle::Numbered,
                        items: vec![
                            s("Semakin tinggi realisasi menunjukkan pencapaian kinerja yang semakin baik (progress positif): % Capaian = Realisasi / Target \u{d7} 100%."),
                            s("Semakin tinggi realisasi menunjukkan semakin rendah pencapaian kinerja (progress negatif): % Capaian = (Target \u{2212} (Realisasi \u{2212} Target)) / Target \u{d7} 100%."),
                        ],
                    }),
                    simple("Tabel 3.1", "Skala Pengukuran Indikator Sasaran", &[("NO", 6, Align::Center), ("RENTANG CAPAIAN", 24, Align::Center), ("KATEGORI CAPAIAN", 30, Align::Left)], vec![
                        vec![s("1."), s("> 100"), s("Baik Sekali (BS)")],
                        vec![s("2."), s("75 s/d \u{2264} 100"), s("Baik (B)")],
                        vec![s("3."), s("55 s/d < 75"), s("Cukup (C)")],
                        vec![s("4."), s("< 55"), s("Kurang (K)")],
                    ]),
                    h(2, "3.2. Capaian Indikator Kinerja Utama"),
                    para(LOREM),
                    Block::Table(iku_achievement()),
                    h(2, "3.3. Analisis Capaian Kinerja"),
                    para(LOREM),
                    para(LOREM),
                    h(2, "3.4. Realisasi Anggaran"),
                    para("Beberapa program dan kegiatan dilaksanakan dan realisasinya di tahun 2023 oleh Dinas Pemberdayaan Masyarakat dan Kampung, sebagai berikut:"),
                    Block::Table(budget_table()),
                    para(LOREM),
                ],
            },
            Chapter {
                number: Some(s("BAB IV")),
                title: s("PENUTUP"),
                blocks: vec![para(LOREM), para(LOREM), sig()],
            },
            Chapter {
                number: None,
                title: s("LAMPIRAN"),
                blocks: vec![
                    h(2, "Lampiran 1. Data IDM 2022/2023"),
                    Block::Table(idm_summary()),
                    h(2, "Lampiran 2. Status Desa Tahun 2023"),
                    Block::Table(villages()),
                    h(2, "Lampiran 3. Indikator Kinerja Utama 2021-2026"),
                    Block::Table(iku_renstra()),
                    sig(),
                ],
            },
        ],
    }
}

/// Where the PDFs of these tests go: `KINERJA_RENDER_OUT` to keep them.
fn out_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| match std::env::var_os("KINERJA_RENDER_OUT") {
        Some(d) => {
            std::fs::create_dir_all(&d).unwrap();
            PathBuf::from(d)
        }
        None => tempfile::tempdir().unwrap().keep(),
    })
    .clone()
}

/// The final report and the draft, rendered once for all tests.
fn rendered(draft: bool) -> &'static (Vec<u8>, PathBuf) {
    static FINAL: OnceLock<(Vec<u8>, PathBuf)> = OnceLock::new();
    static DRAFTED: OnceLock<(Vec<u8>, PathBuf)> = OnceLock::new();
    let cell = if draft { &DRAFTED } else { &FINAL };
    cell.get_or_init(|| {
        let bytes = render_pdf(&fixture(draft.then_some(DRAFT))).expect("renders");
        let path = out_dir().join(if draft {
            "lkjip-draft.pdf"
        } else {
            "lkjip.pdf"
        });
        std::fs::write(&path, &bytes).unwrap();
        (bytes, path)
    })
}

fn tool(cmd: &str, args: &[&str], file: &Path) -> String {
    let mut c = Command::new(cmd);
    c.args(args).arg(file);
    if cmd == "pdftotext" {
        c.arg("-");
    }
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{cmd} not runnable: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(file: &Path) -> usize {
    let info = tool("pdfinfo", &[], file);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("Pages line");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text of each page (pdftotext separates pages by form feeds), in reading
/// order, or with `layout` as the page is laid out (table cells side by side).
fn page_texts(file: &Path, layout: bool) -> Vec<String> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(file).arg("-").output().expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().map(|p| p.trim().is_empty()).unwrap_or(false) {
        pages.pop();
    }
    pages
}

/// Each page's text in reading order, whitespace squashed to single spaces.
fn pages(file: &Path) -> Vec<String> {
    page_texts(file, false).iter().map(|p| squash(p)).collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Guards the second renderer: the same report gives, beside the very PDF
/// `render_pdf` gives, a Word document holding the same text, long words and
/// long names whole, marked draft on every page.
#[test]
fn the_word_document_renders_the_same_report() {
    let (pdf, _) = rendered(true);
    let both = render(&fixture(Some(DRAFT))).expect("renders");
    assert!(both.pdf == *pdf, "render gives render_pdf's PDF");
    let docx = out_dir().join("lkjip-draft.docx");
    std::fs::write(&docx, &both.docx).unwrap();
    let converted = crate::util::convert(&docx, "pdf", &out_dir().join("word"));
    let texts = pages(&converted);
    for (i, page) in texts.iter().enumerate() {
        assert!(page.contains(DRAFT), "page {} has no draft mark", i + 1);
    }
    let all = no_space(&texts.join(" "));
    assert!(all.contains(&no_space(LONG_KEGIATAN)));
    assert!(all.contains(TOKEN));
    let (final_pdf, _) = rendered(false);
    let clean = render(&fixture(None)).expect("renders");
    assert!(clean.pdf == *final_pdf);
    let docx = out_dir().join("lkjip.docx");
    std::fs::write(&docx, &clean.docx).unwrap();
    let converted = crate::util::convert(&docx, "pdf", &out_dir().join("word"));
    assert!(!pages(&converted).join(" ").contains("DRAFT"));
}

#[test]
fn pdf_passes_qpdf_check() {
    let (_, path) = rendered(false);
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "qpdf --check: {text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

#[test]
fn every_chapter_heading_is_in_the_text() {
    let (_, path) = rendered(false);
    let text = pages(path).join("\n");
    for heading in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
        "1.1. Latar Belakang",
        "3.4. Realisasi Anggaran",
        "IXUAN AHMADI, S.Sos., MM",
        "NIP. 19751101 199503 1 001",
    ] {
        assert!(text.contains(heading), "missing {heading:?}");
    }
}

#[test]
fn long_text_is_never_dropped() {
    // genpdf on its own silently drops a word wider than its column.
    let (_, path) = rendered(false);
    assert!(LONG_KEGIATAN.len() > 300);
    // As laid out, the name wraps inside its cell and the row's figures sit
    // beside its first line: take them out and the name must read whole.
    let laid =
        squash(&page_texts(path, true).join("\n")).replace(" 275.977.000 257.546.500 93,32", "");
    assert!(laid.contains(LONG_KEGIATAN), "long kegiatan name not whole");
    // The 60-character token is cut to fit its column (in the table) and the line
    // (in the paragraph); every character is there, in order.
    assert_eq!(TOKEN.len(), 60);
    let all = no_space(&page_texts(path, false).join("\n"));
    let found = all.matches(TOKEN).count();
    assert!(found >= 2, "token found {found} times");
    // pdftotext joins a line ending in "-" to the next without the hyphen.
    let url = "https://sakip.waykanankab.go.id/dokumen/lkjip/2023/dinas-pemberdayaan-masyarakat-dan-kampung/lampiran-lengkap";
    assert!(
        all.replace('-', "").contains(&url.replace('-', "")),
        "the URL is not whole"
    );
}

#[test]
fn long_tables_repeat_their_header_on_every_page() {
    let (_, path) = rendered(false);
    let pages = pages(path);
    // Pages of a table: its caption and its first column's header (not the list of tables).
    let spans = |caption: &str, header: &str| -> Vec<usize> {
        (0..pages.len())
            .filter(|&i| pages[i].contains(caption) && pages[i].contains(header))
            .collect()
    };
    let budget = spans("Tabel 3.4 Realisasi", "PROGRAM/KEGIATAN");
    assert!(budget.len() >= 2, "Tabel 3.4 should span pages: {budget:?}");
    for &i in &budget[1..] {
        assert!(
            pages[i].contains("(lanjutan)"),
            "page {} has no continuation caption",
            i + 1
        );
        for h in ["PROGRAM/KEGIATAN", "PAGU ANGGARAN", "REALISASI (Rp)"] {
            assert!(pages[i].contains(h), "page {} lacks header {h}", i + 1);
        }
    }
    let villages = spans("Tabel L.2 Status Desa", "NAMA DESA");
    assert!(
        villages.len() >= 5,
        "221 villages should take several pages: {villages:?}"
    );
    for &i in &villages {
        assert!(
            pages[i].contains("NAMA DESA") && pages[i].contains("KECAMATAN"),
            "page {} lacks the header",
            i + 1
        );
    }
    let all = pages.join("\n");
    for n in [1, 100, 221] {
        assert!(
            all.contains(&format!(
                "{n} {} ",
                format_args!(
                    "{} {}",
                    BASE[(n - 1) % BASE.len()],
                    (n - 1) / BASE.len() + 1
                )
            )),
            "village {n}"
        );
    }
}

#[test]
fn footer_counts_pages_and_the_cover_has_none() {
    let (_, path) = rendered(false);
    let n = page_count(path);
    let pages = pages(path);
    assert_eq!(pages.len(), n);
    assert!(n > 20, "{n} pages");
    assert!(!pages[0].contains("Halaman"), "the cover has no footer");
    assert!(
        !pages[0].contains("LKjIP DPMK 2023"),
        "the cover has no header"
    );
    for (i, p) in pages.iter().enumerate().skip(1) {
        assert!(
            p.contains(&format!("Halaman {} dari {n}", i + 1)),
            "page {} footer",
            i + 1
        );
        assert!(p.contains("LKjIP DPMK 2023"), "page {} header", i + 1);
    }
    assert!(pages[1].contains(&format!("Halaman 2 dari {n}")));
}

/// The number a contents line ends with, and the line before its dot leader.
fn entry(line: &str) -> Option<(String, usize)> {
    let line = line.trim();
    if !line.contains("...") {
        return None;
    }
    let (head, num) = line.rsplit_once(' ')?;
    let num: usize = num.parse().ok()?;
    Some((head.trim().trim_end_matches('.').trim().to_string(), num))
}

#[test]
fn contents_and_list_of_tables_point_at_the_right_pages() {
    let (_, path) = rendered(false);
    let laid = page_texts(path, true);
    let pages = pages(path);
    let toc = laid
        .iter()
        .position(|p| p.contains("DAFTAR ISI") && p.contains("BAB III AKUNTABILITAS KINERJA"))
        .expect("contents page");
    let mut checked = 0;
    for line in laid[toc].lines() {
        let Some((title, page)) = entry(line) else {
            continue;
        };
        assert!(page >= 1 && page <= pages.len(), "{line}");
        if title.starts_with("BAB ")
            || title.starts_with("3.")
            || title.starts_with("LAMPIRAN")
            || title.starts_with("Lampiran")
        {
            assert!(
                pages[page - 1].contains(&title),
                "{title:?} is not on page {page}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "checked only {checked} contents lines");

    let lot = laid
        .iter()
        .position(|p| p.contains("DAFTAR TABEL") && p.contains("Tabel 3.4"))
        .expect("list of tables");
    let mut tables = 0;
    let mut label = String::new();
    for line in laid[lot].lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() >= 2 && (words[0] == "Tabel" || words[0] == "Gambar") {
            label = format!("{} {}", words[0], words[1]);
        }
        let Some((_, page)) = entry(line) else {
            continue;
        };
        assert!(
            pages[page - 1].contains(&format!("{label} ")),
            "{label} not on page {page}"
        );
        tables += 1;
    }
    assert!(tables >= 11, "checked only {tables} tables and figures");
}

#[test]
fn draft_mark_is_on_every_page_exactly_when_set() {
    let (_, draft) = rendered(true);
    for (i, p) in pages(draft).iter().enumerate() {
        assert!(p.contains(DRAFT), "page {} lacks the draft mark", i + 1);
    }
    let (_, final_) = rendered(false);
    for (i, p) in pages(final_).iter().enumerate() {
        assert!(
            !p.contains("DRAFT"),
            "page {} of the final report says DRAFT",
            i + 1
        );
    }
}

#[test]
fn same_report_gives_the_same_bytes() {
    let (first, path) = rendered(false);
    let again = render_pdf(&fixture(None)).unwrap();
    assert!(first == &again, "two renders differ");
    let info = tool("pdfinfo", &["-isodates"], path);
    assert!(info.contains("2024-01-31T00:00:00+07"), "{info}");
    let raw = String::from_utf8_lossy(first);
    assert!(raw.contains("/ID"), "has an /ID");
}

#[test]
fn fonts_are_embedded_subsets() {
    let (_, path) = rendered(false);
    let list = tool("pdffonts", &[], path);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{list}");
    for r in rows {
        let cols: Vec<&str> = r.split_whitespace().collect();
        assert!(cols[0].contains("+LiberationSans"), "{r}");
        // emb sub uni
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{r}");
    }
}

/// A word's box from `pdftotext -bbox`: x and y min, x and y max (pt), text.
type WordBox = (f64, f64, f64, f64, String);

#[test]
fn text_stays_inside_the_margins_without_overlap() {
    let (_, path) = rendered(false);
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8"], path);
    let mm = |v: f64| v * 25.4 / 72.0;
    let mut page = 0;
    let mut boxes: Vec<WordBox> = Vec::new();
    let check = |page: usize, boxes: &mut Vec<WordBox>| {
        for (i, a) in boxes.iter().enumerate() {
            if page > 1 {
                assert!(
                    mm(a.0) >= 29.5 && mm(a.2) <= 190.5,
                    "page {page}: {:?} outside the margins",
                    a.4
                );
            }
            for b in &boxes[i + 1..] {
                let w = a.2.min(b.2) - a.0.max(b.0);
                let h = a.3.min(b.3) - a.1.max(b.1);
                assert!(
                    !(w > 0.5 && h > 0.5),
                    "page {page}: {:?} overlaps {:?}",
                    a.4,
                    b.4
                );
            }
        }
        boxes.clear();
    };
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            if page > 0 {
                check(page, &mut boxes);
            }
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let attr = |name: &str| -> f64 {
                let key = format!("{name}=\"");
                let at = rest.find(&key).unwrap() + key.len();
                rest[at..].split('"').next().unwrap().parse().unwrap()
            };
            let word = rest
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_string();
            boxes.push((attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), word));
        }
    }
    check(page, &mut boxes);
    assert!(page > 20);
}

#[test]
fn compression_pays() {
    let (compressed, _) = rendered(false);
    let plain = render_pdf_with(&fixture(None), &RenderOptions { compress: false }).unwrap();
    let path = out_dir().join("lkjip-uncompressed.pdf");
    std::fs::write(&path, &plain).unwrap();
    assert!(Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .status()
        .unwrap()
        .success());
    eprintln!(
        "PDF size: {} bytes compressed, {} bytes uncompressed",
        compressed.len(),
        plain.len()
    );
    assert!(
        compressed.len() * 2 < plain.len(),
        "{} vs {}",
        compressed.len(),
        plain.len()
    );
}

#[test]
fn odd_reports_still_render() {
    // Empty parts, a table without columns or rows, a chart without data, text
    // the font lacks: each renders to a valid PDF rather than failing.
    let mut report = fixture(None);
    report.address.clear();
    report.chapters = vec![
        Chapter {
            number: None,
            title: s("DAFTAR ISI"),
            blocks: vec![Block::TableOfContents, Block::ListOfFigures],
        },
        Chapter {
            number: Some(s("BAB I")),
            title: s(""),
            blocks: vec![],
        },
        Chapter {
            number: None,
            title: s("LAMPIRAN"),
            blocks: vec![
                para(""),
                para("Teks dengan karakter di luar huruf Latin: \u{4e2d}\u{6587} \u{1F600}."),
                Block::Table(TableBlock {
                    number: s("Tabel X"),
                    title: s("Tanpa kolom"),
                    columns: vec![],
                    number_columns: true,
                    rows: vec![vec![s("isi"), s("lebih")]],
                    row_styles: vec![],
                    footnote: None,
                }),
                Block::Table(TableBlock {
                    number: s("Tabel Y"),
                    title: s("Tanpa baris"),
                    columns: vec![col("A", 1, Align::Left)],
                    number_columns: false,
                    rows: vec![],
                    row_styles: vec![RowStyle::Total],
                    footnote: Some(s("")),
                }),
                Block::BarChart(BarChart {
                    number: s("Gambar X"),
                    title: s("Kosong"),
                    series: vec![],
                    categories: vec![],
                    values: vec![],
                    value_label: s(""),
                }),
                Block::List(ListBlock {
                    style: ListStyle::Numbered,
                    items: vec![],
                }),
                Block::PageBreak,
                Block::PageBreak,
            ],
        },
    ];
    let both = render(&report).expect("renders as PDF and Word document");
    let docx = out_dir().join("odd.docx");
    std::fs::write(&docx, &both.docx).unwrap();
    let converted = crate::util::convert(&docx, "pdf", &out_dir().join("odd-word"));
    let text = pages(&converted).join("\n");
    assert!(text.contains("isi lebih"), "{text}");
    assert!(text.contains("Teks dengan karakter di luar huruf Latin"));
    let bytes = render_pdf(&report).expect("renders");
    assert!(both.pdf == bytes, "render gives render_pdf's PDF");
    let path = out_dir().join("odd.pdf");
    std::fs::write(&path, &bytes).unwrap();
    assert!(Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .status()
        .unwrap()
        .success());
    let text = pages(&path).join("\n");
    assert!(
        text.contains("isi lebih"),
        "extra cells join the last column"
    );
    assert!(text.contains("Teks dengan karakter di luar huruf Latin"));
}
