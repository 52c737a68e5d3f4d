/**
 * Name lists of the generator. Kinh surname weights follow the usual survey figures
 * (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, Phạm ≈ 7 %, Hoàng/Huỳnh ≈ 5 %, Phan ≈ 4.5 %,
 * Vũ/Võ ≈ 4 %, Đặng, Bùi ≈ 2 %, Đỗ, Hồ, Ngô ≈ 1.3 %, Dương ≈ 1 %, Lý ≈ 0.5 %…); south of
 * the old Đàng Trong border Hoàng is mostly written Huỳnh and Vũ mostly Võ. Minority
 * naming follows each people's usual pattern (Tày/Nùng, Thái and Mường much like Kinh; H'Mông
 * and Dao middle names A/Seo/Tài; Ê Đê "Y …"/"H'…" with the clan name last; Jrai clan
 * first; Khmer surnames given under the Vietnamese civil registry).
 */

/** Naming traditions the generator knows. */
export type Culture = 'kinh' | 'tay' | 'thai' | 'muong' | 'hmong' | 'dao' | 'jrai' | 'ede' | 'khmer'

type Weights = readonly (readonly [string, number])[]

/** Kinh surnames, with the names that change between north and south left out. */
export const KINH_SURNAMES_COMMON: Weights = [
  ['Nguyễn', 38.4],
  ['Trần', 11.5],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Phan', 4.5],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Đinh', 0.9],
  ['Trương', 0.8],
  ['Đào', 0.6],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Cao', 0.4],
  ['Trịnh', 0.4],
  ['Đoàn', 0.4],
  ['Hà', 0.4],
  ['Lâm', 0.3],
  ['Tạ', 0.3],
  ['Vương', 0.2],
  ['Chu', 0.2],
  ['Kiều', 0.15],
  ['Lưu', 0.2],
  ['Tô', 0.15],
  ['Quách', 0.1],
  ['Châu', 0.15],
  ['Thái', 0.1],
  ['La', 0.1],
  ['Tăng', 0.1],
  ['Triệu', 0.1],
  ['Nghiêm', 0.1],
]

/** Share of Hoàng/Huỳnh and Vũ/Võ in all Kinh surnames. */
export const HOANG_HUYNH_SHARE = 5.1
export const VU_VO_SHARE = 3.9

export const MALE_MIDDLE = {
  old: [
    ['Văn', 70],
    ['Đức', 6],
    ['Hữu', 6],
    ['Xuân', 4],
    ['Đình', 4],
    ['Công', 4],
    ['Quang', 3],
    ['Ngọc', 3],
  ],
  mid: [
    ['Văn', 45],
    ['Đức', 8],
    ['Minh', 8],
    ['Quang', 6],
    ['Hữu', 5],
    ['Công', 5],
    ['Xuân', 4],
    ['Thanh', 4],
    ['Tiến', 3],
    ['Trọng', 3],
    ['Ngọc', 3],
    ['Quốc', 3],
    ['Mạnh', 2],
    ['Đình', 3],
  ],
  young: [
    ['Văn', 18],
    ['Minh', 12],
    ['Đức', 10],
    ['Gia', 8],
    ['Bảo', 6],
    ['Quang', 6],
    ['Hoàng', 6],
    ['Anh', 5],
    ['Thành', 5],
    ['Quốc', 5],
    ['Tuấn', 4],
    ['Trung', 4],
    ['Hải', 4],
    ['Đăng', 3],
    ['Nhật', 3],
    ['Huy', 3],
  ],
} as const satisfies Record<string, Weights>

export const FEMALE_MIDDLE = {
  old: [
    ['Thị', 85],
    ['Ngọc', 4],
    ['Thu', 3],
    ['Kim', 3],
    ['Thanh', 3],
    ['Bích', 2],
  ],
  mid: [
    ['Thị', 60],
    ['Thu', 6],
    ['Ngọc', 6],
    ['Thanh', 6],
    ['Kim', 4],
    ['Hồng', 4],
    ['Thúy', 3],
    ['Minh', 3],
    ['Phương', 3],
    ['Mai', 3],
    ['Bích', 2],
  ],
  young: [
    ['Thị', 25],
    ['Ngọc', 10],
    ['Khánh', 6],
    ['Bảo', 6],
    ['Phương', 6],
    ['Minh', 6],
    ['Thu', 6],
    ['Gia', 5],
    ['Thùy', 5],
    ['Mai', 5],
    ['Hà', 4],
    ['Thanh', 4],
    ['Diệu', 3],
    ['Hoài', 3],
    ['Quỳnh', 3],
    ['Thảo', 3],
  ],
} as const satisfies Record<string, Weights>

const words = (text: string): readonly string[] => text.split(' ')

export const MALE_GIVEN = {
  old: words(
    'Hùng Dũng Hải Minh Tuấn Thắng Sơn Bình Cường Hòa Thành Long Nam Quang Trung Lâm Tâm Phúc Lộc Tài Hưng Vinh Thịnh Chiến Thanh Tiến Toàn Khánh Hiếu Đông Xuân Kiên Mạnh Thuận Tú Việt Quý Hoan Lợi Phong Hiển Định Sáng Hào',
  ),
  young: words(
    'Anh Huy Khang Bảo Phúc Minh Long Nam Khoa Đạt Duy Hiếu Hoàng Kiên Lâm Nguyên Phong Quân Sơn Tùng Thái Trí Vũ Dương Hưng Khôi Nhật An Tuấn Thịnh Hải Đức Lộc Vinh Tiến',
  ),
}

export const FEMALE_GIVEN = {
  old: words(
    'Lan Hoa Hương Hằng Hạnh Nga Thủy Hà Mai Liên Huệ Loan Dung Yến Nhung Thảo Tuyết Vân Thu Xuân Oanh Cúc Đào Lý Phượng Sen Hồng Bình Lụa Tâm Nhàn Thơm Hiền Lành Hường',
  ),
  young: words(
    'Anh Linh Trang Hà Ngọc Vy Hân Chi My Nhi Thảo Uyên Phương Quỳnh Trâm Ngân Hương Hằng Mai Yến Huyền Giang Thư An Khuê Diệp Nhung Lan Tú Hoa Ly Hiền',
  ),
}

/** Minority naming: surnames, middle names by sex, given names by sex. */
export interface MinorityNames {
  surnames: Weights
  maleMiddle: Weights
  femaleMiddle: Weights
  maleGiven: readonly string[]
  femaleGiven: readonly string[]
}

export const MINORITY_NAMES: Record<'tay' | 'thai' | 'muong' | 'hmong' | 'dao', MinorityNames> = {
  tay: {
    surnames: [
      ['Hoàng', 14],
      ['Nông', 12],
      ['Nguyễn', 10],
      ['Lục', 6],
      ['Đàm', 5],
      ['Bế', 5],
      ['Ma', 6],
      ['Lương', 5],
      ['Triệu', 4],
      ['Hà', 4],
      ['Vi', 3],
      ['Lý', 3],
      ['Mông', 2],
      ['La', 2],
      ['Hứa', 2],
      ['Chu', 2],
      ['Lâm', 2],
      ['Nịnh', 1],
    ],
    maleMiddle: [
      ['Văn', 80],
      ['Đức', 6],
      ['Minh', 6],
      ['Quang', 4],
      ['Xuân', 4],
    ],
    femaleMiddle: [
      ['Thị', 88],
      ['Thu', 4],
      ['Ngọc', 4],
      ['Hồng', 4],
    ],
    maleGiven: words(
      'Pác Slinh Nhất Khiêm Tình Chuyên Thưởng Nhàn Vương Hiệp Hùng Dũng Sơn Bình Lâm',
    ),
    femaleGiven: words('Slao Nhì Pảo Mây Thắm Hiên Nhị Thơm Lan Hoa Hương Nga Mai Xuân'),
  },
  thai: {
    surnames: [
      ['Lò', 22],
      ['Cầm', 14],
      ['Quàng', 10],
      ['Lường', 10],
      ['Tòng', 8],
      ['Lù', 6],
      ['Điêu', 5],
      ['Hà', 6],
      ['Vì', 6],
      ['Lê', 4],
      ['Sầm', 3],
      ['Bạc', 3],
      ['Mè', 3],
    ],
    maleMiddle: [
      ['Văn', 95],
      ['Đức', 5],
    ],
    femaleMiddle: [
      ['Thị', 96],
      ['Ngọc', 4],
    ],
    maleGiven: words('Ún Xiển Phóng Chiến Pấng Kiên Thanh Hượng Ngoan Ọn Thắng Tuấn Bun Khăm'),
    femaleGiven: words('Xuân Ín Ơn Phương Pánh Mai Hoa Ínt Lả Bướm Xiêng Ngân Pản Thoa'),
  },
  muong: {
    surnames: [
      ['Bùi', 40],
      ['Đinh', 25],
      ['Quách', 10],
      ['Hà', 10],
      ['Xa', 6],
      ['Cao', 5],
      ['Nguyễn', 4],
    ],
    maleMiddle: [
      ['Văn', 90],
      ['Đức', 5],
      ['Xuân', 5],
    ],
    femaleMiddle: [
      ['Thị', 92],
      ['Thu', 4],
      ['Hồng', 4],
    ],
    maleGiven: words('Khánh Thắng Hùng Đông Vượng Tình Bông Lưu Tuấn Hải Quyết Ngọc'),
    femaleGiven: words('Hoa Lan Mai Hương Tươi Nhung Thoa Thủy Vân Hằng Dung Xuyến'),
  },
  hmong: {
    surnames: [
      ['Giàng', 18],
      ['Sùng', 14],
      ['Vàng', 14],
      ['Lầu', 8],
      ['Thào', 10],
      ['Hờ', 6],
      ['Mùa', 6],
      ['Lý', 8],
      ['Hạng', 5],
      ['Tráng', 4],
      ['Cứ', 4],
      ['Ly', 3],
    ],
    maleMiddle: [
      ['A', 55],
      ['Seo', 20],
      ['Mí', 10],
      ['Văn', 15],
    ],
    femaleMiddle: [
      ['Thị', 90],
      ['Mí', 10],
    ],
    maleGiven: words('Páo Chứ Dình Sử Pó Sính Tủa Lử Vư Chá Dế Chính Súa Lềnh Nhà Thào Dũng'),
    femaleGiven: words('Mỷ Dợ Sua Chư Pà Súa Dính Xúa Vá Mai Ly Dua Say Chia Sò Máy'),
  },
  dao: {
    surnames: [
      ['Triệu', 30],
      ['Bàn', 20],
      ['Đặng', 18],
      ['Lý', 10],
      ['Phùng', 8],
      ['Chảo', 8],
      ['Tẩn', 6],
    ],
    maleMiddle: [
      ['Văn', 60],
      ['Tài', 20],
      ['Seo', 10],
      ['Phúc', 10],
    ],
    femaleMiddle: [
      ['Thị', 85],
      ['Mùi', 15],
    ],
    maleGiven: words('Quý Tiến Kiều Phin Sành Chòi Vần Lở Tòn Phú Kiên Sinh Hiền Quyết'),
    femaleGiven: words('Mây Mẩy Nái Chạn Xuân Liều Mùi Lai Hoa Dung Thanh Phấy'),
  },
}

/** Jrai: clan name first, then the given name; women's given names start with H'. */
export const JRAI = {
  clans: [
    ['Ksor', 20],
    ['Rơ Châm', 15],
    ['Siu', 15],
    ['Rơ Mah', 12],
    ['Kpă', 10],
    ['Nay', 8],
    ['Rah Lan', 8],
    ['Puih', 6],
    ['Rơ Lan', 6],
  ] as Weights,
  male: words('Blang Dú Hlim Thuh Jơn Hyưn Kơk Pếp Yai Byưh Kuih Tơ'),
  female: words("H'Lơn H'Nhi H'Mai H'Bươi H'Hoa H'Yen H'Ngel H'Dlin H'Juen H'Blới"),
}

/** Ê Đê: "Y" for men, "H'" for women, the given name, then the clan name. */
export const EDE = {
  clans: [
    ['Niê', 25],
    ['Êban', 18],
    ['Mlô', 12],
    ['Ayun', 10],
    ['Knul', 10],
    ['Byă', 8],
    ['Hwing', 6],
    ['Adrơng', 6],
    ['Êya', 5],
  ] as Weights,
  male: words('Bhiông Thuột Khương Ngông Bơ Kriu Jôn Suôn Wiơn Tlang Sing Yơ'),
  female: words('Nhi Linh Bia Juen Ngôn Hen Blin Yơn Đlung Nga Ruth Mai'),
}

/** Khmer names as written in the Vietnamese civil registry. */
export const KHMER = {
  surnames: [
    ['Thạch', 30],
    ['Sơn', 22],
    ['Kim', 14],
    ['Danh', 14],
    ['Lâm', 8],
    ['Châu', 6],
    ['Lý', 6],
  ] as Weights,
  male: words('Sô_Phol Sa_Rát Phước Thuận Sóc_Khon Cà_Rinh Mum Sang Chanh_Đa Ny Vi_Sal Rây').map(
    (w) => w.replaceAll('_', ' '),
  ),
  female: words(
    'Thị_Sa_Ra Thị_Pha_Ly Thị_Sa_Vết Thị_Nhung Thị_Sô_Phia Thị_Ly Thị_Sà_Rươne Thị_Thu_Ha Thị_Sóc_Kha Thị_Mỹ',
  ).map((w) => w.replaceAll('_', ' ')),
}
