/**
 * Vietnamese messages of the indicator dashboard (`console.indicators.*`): the province, a
 * commune or a village against the national 2025 targets, month by month, and the help the
 * teams gave. Indicator names and kinds of help come from the shared definitions and form.
 */
export const indicatorsVi = {
  title: 'Chỉ số chuyển đổi số',
  scopeTitle: 'Chỉ số chuyển đổi số — {{name}}',
  province: 'Toàn tỉnh',
  intro:
    'Mỗi hộ được tính theo lần khảo sát hoàn thành gần nhất. Mục tiêu là của Quyết định 411/QĐ-TTg cho năm 2025.',
  summary:
    '{{surveyed, number}} hộ đã khảo sát trên {{registered, number}} hộ đăng ký · {{adults, number}} người từ 15 tuổi',
  summaryNoRegister:
    '{{surveyed, number}} hộ đã khảo sát (chưa có số hộ đăng ký) · {{adults, number}} người từ 15 tuổi',
  empty: 'Chưa có hộ nào được khảo sát ở đây.',
  short: {
    coverage: 'Hộ đã khảo sát',
    smartphone_adults: 'Có điện thoại thông minh',
    fibre_households: 'Hộ có cáp quang',
    payment_account_adults: 'Có tài khoản thanh toán',
    vneid_level2: 'VNeID mức 2',
    vneid_any: 'Có VNeID',
    online_public_service_adults: 'Dùng dịch vụ công trực tuyến',
    digital_signature_adults: 'Có chữ ký số',
    basic_skills_adults: 'Có kỹ năng số cơ bản',
    ehealth_members: 'Có hồ sơ sức khỏe điện tử',
    cashless_adults: 'Thanh toán không tiền mặt',
  },
  units: {
    adults: 'người lớn',
    members: 'người',
    households: 'hộ',
    surveyed: 'hộ đăng ký',
  },
  tile: {
    fraction: '{{numerator, number}} / {{denominator, number}} {{population}}',
    target: 'Mục tiêu {{target}}',
    noTarget: 'Không đặt mục tiêu',
    met: 'Đạt',
    gap: 'Thiếu {{gap}}',
    remaining: 'Còn {{count, number}} hộ chưa khảo sát',
    noData: 'Chưa có số liệu',
    select: 'Xem {{name}} theo nơi và theo tháng',
  },
  bars: {
    titleCommunes: 'So sánh các xã',
    titleVillages: 'So sánh các thôn',
    hintCommunes: 'Bấm vào một xã để xem các thôn của xã.',
    hintVillages: 'Bấm vào một thôn để xem riêng thôn đó.',
    target: 'Mục tiêu',
    noData: 'chưa có số liệu',
    empty: 'Chưa có nơi nào có số liệu.',
  },
  trend: {
    title: 'Diễn biến theo tháng',
    hint: 'Giá trị tính đến cuối mỗi tháng.',
    empty: 'Chưa có số liệu theo tháng.',
    value: 'Giá trị',
  },
  support: {
    title: 'Hỗ trợ tổ công nghệ số đã thực hiện',
    hint: 'Đếm theo từng lượt khảo sát, vào tháng của lượt đó.',
    from: 'Từ tháng',
    to: 'Đến tháng',
    allTime: 'Từ đầu',
    untilNow: 'Đến nay',
    totals:
      '{{help, number}} lượt hỗ trợ trong {{visits, number}} lượt khảo sát ({{completed, number}} lượt hoàn thành)',
    byKind: 'Theo loại hỗ trợ',
    byMonth: 'Theo tháng',
    byTeam: 'Theo tổ của từng xã',
    byVillage: 'Theo thôn',
    byMember: 'Theo thành viên tổ',
    help: 'Lượt hỗ trợ',
    visits: 'Lượt khảo sát',
    moreMembers: 'Còn {{count, number}} thành viên khác.',
    unknownMember: 'Không rõ người khảo sát',
    empty: 'Chưa có lượt hỗ trợ nào trong thời gian này.',
  },
}

export type IndicatorsMessages = typeof indicatorsVi
