"""Bank names: canonical names, aliases, branches, groups, and short aliases inside other words."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import resources
from analysis.banks import alias_map, bank_table, english, find_banks, is_central_bank, reporting_currency


def surfaces(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.surface, m.banks) for m in find_banks(text)]


MENTIONS = [
    # seed 000 and 001
    ("中行之外，其他银行在人工智能产业链布局如何？", [("中行", ("中国银行",))]),
    ("此外，建行称，住房租赁场景金融价值创造显著。", [("建行", ("建设银行",))]),
    ("如招行‘天秤系统’通过AI拦截欺诈交易。", [("招行", ("招商银行",))]),
    ("9月15日，工商银行莆田分行当地清欠企业发放贷款1080万元。", [("工商银行", ("工商银行",))]),
    ("希望中国银行(601988.SH)延安分行进一步加大对延信贷投放额度。", [("中国银行", ("中国银行",))]),
    ("此外，中国人民银行广东省分行日前推出广东“人工智能贷”产品清单。",
     [("中国人民银行", ("中国人民银行",))]),
    ("一向以投资成熟期企业为主的中国银行业。", []),  # the banking sector, not Bank of China
    # a market report's title: 中国 and its 银行行业 (the banking industry), no bank
    ("某研究院发布的《2025-2030年中国银行行业竞争格局分析报告》指出，贷款增速保持20%以上。", []),
    ("中国银行行长在发布会上表示，贷款增速保持20%以上。", [("中国银行", ("中国银行",))]),
    # written for the tests
    ("工行和农行均已落地首笔清欠贷款。", [("工行", ("工商银行",)), ("农行", ("农业银行",))]),
    ("多家中行网点已开办此项业务。", [("中行", ("中国银行",))]),
    ("央行数据显示，2月末人民币贷款余额为260万亿元。", [("央行", ("中国人民银行",))]),
    ("欧洲央行宣布降息。", [("欧洲央行", ("欧洲央行",))]),
    ("浦发和中信银行也推出了算力贷。", [("浦发", ("浦发银行",)), ("中信银行", ("中信银行",))]),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(text, expected):
    assert surfaces(text) == expected


# Two-character aliases inside other words are not banks.
NOT_BANKS = ["集中行动期间，当地共发放贷款5亿元。", "其中行业龙头企业获得授信。",
             "个人行为不代表公司。", "人行道改造工程已完工。", "施工行业景气回升。",
             "外交行动取得成效。"]


@pytest.mark.parametrize("text", NOT_BANKS)
def test_short_aliases_inside_words_are_not_banks(text):
    assert find_banks(text) == []


def test_offsets_point_at_the_surface():
    text = "集中行动之外，中行和工农中建也在行动。"
    for mention in find_banks(text):
        assert text[mention.start:mention.end] == mention.surface


def test_groups_expand_in_the_order_the_press_lists_them():
    assert surfaces("第一梯队工农中建贷款规模") == [
        ("工农中建", ("工商银行", "农业银行", "中国银行", "建设银行"))]
    six = ("工商银行", "农业银行", "中国银行", "建设银行", "交通银行", "邮储银行")
    assert surfaces("其中六大国有行科技型企业贷款余额占比接近72%") == [("六大国有行", six)]


@pytest.mark.parametrize(("text", "expected"), [
    ("上半年，工、农、中、建、交、邮储银行净利润",
     [("工", ("工商银行",)), ("农", ("农业银行",)), ("中", ("中国银行",)), ("建", ("建设银行",)),
      ("交", ("交通银行",)), ("邮储银行", ("邮储银行",))]),
    ("工、农、中、建行", [("工", ("工商银行",)), ("农", ("农业银行",)), ("中", ("中国银行",)),
                    ("建行", ("建设银行",))]),
    ("手工、农业、中药和建材", []),  # initials inside words are no list
    ("中、建两行", []),  # two initials alone are too few to be sure
    ("工、工、农", []),
    ("目前是国内仅次于工、农、中、建的第五大银行",
     [("工", ("工商银行",)), ("农", ("农业银行",)), ("中", ("中国银行",)), ("建", ("建设银行",))]),
    # run together before 分别, 等 or a count of big banks
    ("注册资本工农建中交分别为", [("工", ("工商银行",)), ("农", ("农业银行",)), ("建", ("建设银行",)),
                       ("中", ("中国银行",)), ("交", ("交通银行",))]),
    ("工农建交等银行", [("工", ("工商银行",)), ("农", ("农业银行",)), ("建", ("建设银行",)),
                 ("交", ("交通银行",))]),
    ("中建交通与中交建设签约，两国建交", []),  # companies and diplomacy, no banks
    ("工农中建分别", [("工农中建", ("工商银行", "农业银行", "中国银行", "建设银行"))]),  # the table's
])
def test_the_big_banks_listed_by_their_initials(text, expected):
    assert surfaces(text) == expected


def test_a_county_s_rural_bank_is_one_bank_however_written():
    # 梓潼县农商银行 and 梓潼农商银行 are one bank (a credit cooperative keeps its county: 县联社)
    assert surfaces("梓潼县农商银行与梓潼农商银行") == [
        ("梓潼县农商银行", ("梓潼农村商业银行",)), ("梓潼农商银行", ("梓潼农村商业银行",))]


def test_every_group_member_and_alias_is_a_known_bank():
    table = bank_table()
    for members in table["groups"].values():
        assert set(members) <= set(table["banks"])
    assert all(len(banks) >= 1 for banks in alias_map().values())
    assert set(table["initials"].values()) <= set(table["banks"])


def test_english_glosses_and_central_banks():
    assert english("中国银行") == "Bank of China"
    assert english("工商银行") == "Industrial and Commercial Bank of China"
    assert english("未知银行") == "未知银行"
    assert is_central_bank("中国人民银行") and is_central_bank("欧洲央行")
    assert not is_central_bank("中国银行")
    assert all(english(name) for name in bank_table()["banks"])


# Subsidiaries and funds named after a bank count as the bank (issue 12); banks beyond the
# big ones that real articles name.
GROUP_MEMBERS = [
    ("其中，工银投资股权投资试点基金签约意向规模超2000亿元。", [("工银投资", ("工商银行",))]),
    ("建信住房租赁基金已签约收购项目28个。", [("建信住房租赁基金", ("建设银行",))]),
    ("苏商银行每年将营业收入的6%投入数字技术研发。", [("苏商银行", ("苏商银行",))]),
    ("长沙银行、厦门银行、青岛银行增速超过65%。",
     [("长沙银行", ("长沙银行",)), ("厦门银行", ("厦门银行",)), ("青岛银行", ("青岛银行",))]),
]


@pytest.mark.parametrize(("text", "expected"), GROUP_MEMBERS)
def test_subsidiaries_and_more_banks(text, expected):
    assert surfaces(text) == expected


# Rural banks go by three names; the table lists one or two, the others are derived.
SHORT_FORMS = [
    ("上海农商行、北京农商行和重庆农商银行均在列。",
     [("上海农商行", ("上海农商银行",)), ("北京农商行", ("北京农商银行",)),
      ("重庆农商银行", ("重庆农村商业银行",))]),
    ("广州农村商业银行与青岛农商行签约。",
     [("广州农村商业银行", ("广州农商银行",)), ("青岛农商行", ("青岛农商银行",))]),
    ("紫金银行与张家港行、苏农银行", [("紫金银行", ("紫金农村商业银行",)),
                           ("张家港行", ("张家港行",)), ("苏农银行", ("苏农银行",))]),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_FORMS)
def test_rural_banks_short_forms(text, expected):
    assert surfaces(text) == expected


# Local banks not in the table: a place name jieba knows and a local bank's suffix; the
# canonical name is the legal form (农村商业银行, 农村信用社).
LOCAL_BANKS = [
    ("佛山农商银行发布年报。", [("佛山农商银行", ("佛山农村商业银行",))]),
    # (a province written before the county: the county's bank, as it is written without)
    ("浙江安吉农商行、湖南浏阳农商银行等积极探索。",
     [("浙江安吉农商行", ("安吉农村商业银行",)),
      ("湖南浏阳农商银行", ("浏阳农村商业银行",))]),
    ("江苏省农村信用社联合社召开会议。", [("江苏省农村信用社", ("江苏省农村信用社",))]),
    ("湖北嘉鱼吴江村镇银行开业。", [("湖北嘉鱼吴江村镇银行", ("湖北嘉鱼吴江村镇银行",))]),
    ("而东莞农信社的贷款增长较快。", [("东莞农信社", ("东莞农村信用社",))]),
    ("工商银行与佛山农商行合作。",
     [("工商银行", ("工商银行",)), ("佛山农商行", ("佛山农村商业银行",))]),
    # city banks: a place and 银行
    ("九江银行与桂林银行签署合作协议。", [("九江银行", ("九江银行",)), ("桂林银行", ("桂林银行",))]),
    ("江西赣州银行发布公告。", [("江西赣州银行", ("江西赣州银行",))]),
    # a place's banks, not one bank
    ("浙江省银行业保持稳健，广东银行机构数量增加。", []),
    ("去年浙江省银行贷款余额增长10%，九江市银行网点增加。", []),
    # no place before the suffix: rural banks in general, no one bank
    ("全国农商行资产规模稳步增长。", []),
    ("上市农商行中，非上市农商行和各省农信社也在扩张。", []),
    ("多家农商行和村镇银行参与。", []),
    ("多家城农商行发行专项金融债。", []),
    ("江西省农商银行绿色信贷余额达79.92亿元。", []),  # a province's rural banks: a system  # 家 is a count, no rural bank's name (城商行和农商行)
    ("该市农商行表现突出。", []),
    ("不少特色文旅项目有农商银行的支持身影。", []),  # 有 ends no rural bank's own name
    # the table's name wins over a place and a suffix
    ("上海农商行与瑞丰农商行签约。",
     [("上海农商行", ("上海农商银行",)), ("瑞丰农商行", ("瑞丰银行",))]),
]


@pytest.mark.parametrize(("text", "expected"), LOCAL_BANKS)
def test_local_banks_by_place_and_suffix(text, expected):
    assert surfaces(text) == expected


def test_local_banks_have_their_name_as_english_gloss():
    assert english("佛山农村商业银行") == "佛山农村商业银行"
    assert not is_central_bank("佛山农村商业银行")


# Some sites flatten ruby annotations into the text: 農(nóng)業(yè)銀行.
RUBY = [
    ("农(nóng)业(yè)银行上半年营收增长。", [("农(nóng)业(yè)银行", ("农业银行",))]),
    ("资本市场看好农(nóng)行与建设银行。",
     [("农(nóng)行", ("农业银行",)), ("建设银行", ("建设银行",))]),
    ("工商银行(ICBC)发布年报。", [("工商银行", ("工商银行",))]),  # not an annotation
]


@pytest.mark.parametrize(("text", "expected"), RUBY)
def test_bank_names_read_through_ruby_annotations(text, expected):
    assert surfaces(text) == expected
    for mention in find_banks(text):
        assert text[mention.start:mention.end] == mention.surface


@given(st.lists(st.tuples(st.sampled_from(["工商银行", "农行", "东莞农商行", "贷款余额", "，", "增长"]),
                          st.booleans()), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_ruby_annotations_change_no_bank_and_keep_offsets(parts):
    # each chosen piece gets a ruby annotation after its first character, or not
    plain = "".join(piece for piece, _ in parts)
    annotated = "".join(piece[0] + "(yì)" + piece[1:] if ruby and piece[0] >= "\u4e00" else piece
                        for piece, ruby in parts)
    assert [m.banks for m in find_banks(annotated)] == [m.banks for m in find_banks(plain)]
    for mention in find_banks(annotated):
        assert annotated[mention.start:mention.end] == mention.surface


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*sorted(resources.bank_aliases()), "的", "行", "银", "业", "绩", "在",
                                 "1"]),
                max_size=12).map("".join))
def test_the_trie_of_names_matches_what_a_flat_longest_first_alternation_matches(text):
    from analysis.banks import bank_table, mention_pattern

    names = sorted(resources.bank_aliases(), key=len, reverse=True)
    stop = "|".join(bank_table().get("not_followed_by", []))
    flat = re.compile(f"(?:{'|'.join(map(re.escape, names))})(?!{stop})")
    assert ([m.span() for m in mention_pattern().finditer(text)]
            == [m.span() for m in flat.finditer(text)])


# Taiwan's banks, as its press writes them (traditional characters are read simplified), and
# the names inside mainland words that must stay no bank.
TAIWAN_BANKS = [
    ("北富銀與台新銀前10月獲利", [("北富银", ("台北富邦银行",)), ("台新银", ("台新银行",))]),
    ("土銀、一銀和彰銀", [("土银", ("土地银行",)), ("一银", ("第一银行",)), ("彰银", ("彰化银行",))]),
    ("臺中銀去年稅後純益", [("台中银", ("台中商业银行",))]),
    ("兆豐國際商業銀行", [("兆丰国际商业银行", ("兆丰银行",))]),
    ("企业可通过平台中银行端的入口申请贷款", []),  # 平台 + 中银行: no 台中银行
    ("中国信托登记有限责任公司发布数据", []),  # mainland's trust registry, not CTBC
    ("统一银行间市场的交易规则", []),
]


@pytest.mark.parametrize(("text", "expected"), TAIWAN_BANKS)
def test_taiwan_banks_and_their_short_names(text, expected):
    from analysis.chinese import to_simplified

    assert surfaces(to_simplified(text)) == expected


def test_taiwan_banks_report_in_new_taiwan_dollars():
    assert reporting_currency("兆丰银行") == "TWD"
    assert reporting_currency("工商银行") is None


MORE_NAMES = [
    ("中國信託前11月稅前盈餘", [("中国信托", ("中国信托商业银行",))]),
    ("中信銀以新增放款645億元居冠", [("中信银", ("中国信托商业银行",))]),
    ("中信银行贷款余额", [("中信银行", ("中信银行",))]),  # the mainland's CITIC
    ("中國銀行(香港)宣佈下調最優惠利率", [("中国银行(香港)", ("中银香港",))]),
    ("渣打港元最優惠貸款利率下調", [("渣打", ("渣打银行",))]),
    ("苏银理财、浦银理财、浙银理财", [("苏银理财", ("江苏银行",)), ("浦银理财", ("浦发银行",)),
                                 ("浙银理财", ("浙商银行",))]),
    ("焦作中旅银行与齐商银行", [("焦作中旅银行", ("中旅银行",)), ("齐商银行", ("齐商银行",))]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_NAMES)
def test_more_names_round_seven(text, expected):
    from analysis.chinese import to_simplified

    assert surfaces(to_simplified(text)) == expected


def test_taipei_fubon_is_named_bare_as_taiwan_s_papers_write_it():
    assert [m.banks for m in find_banks("而台北富邦127.22亿元、第一银行126.1亿元")] == [
        ("台北富邦银行",), ("第一银行",)]


def test_hong_kong_virtual_banks_and_taiwan_s_online_banks():
    # the whole class of each: Hong Kong's eight virtual banks, Taiwan's three online banks,
    # by their Chinese and English names as the press writes them
    from analysis.chinese import to_simplified
    named = {m.banks[0] for text in (
        "ZA Bank去年虧損", "WeLab期內淨息差", "理慧銀行", "平安壹賬通銀行", "天星銀行", "螞蟻銀行",
        "livi bank(理慧銀行)", "富融銀行(Fusion Bank)", "MOX BANK虧損", "Mox銀行", "將來銀行累虧",
        "LINE Bank", "樂天銀行")
        for m in find_banks(to_simplified(text))}
    assert named == {"众安银行", "汇立银行", "理慧银行", "平安壹账通银行", "天星银行", "蚂蚁银行",
                     "富融银行", "Mox银行", "将来商业银行", "连线商业银行", "乐天国际商业银行"}


def test_hong_kongs_virtual_bank_by_its_english_brand():
    # (read from wave x: Hong Kong's papers write PAObank, the brand of 平安壹账通银行)
    assert [m.banks for m in find_banks("其中PAObank推出1個月定存")] == [("平安壹账通银行",)]


@pytest.mark.parametrize("text, expected", [
    ("台湾银行存款余额5兆元", [("台湾银行",)]),  # (jieba's 银行存款 runs across the name's end)
    ("企业可通过平台中银行端的入口申请贷款", []),  # (台 closing 平台: still no 台中银行)
])
def test_a_name_opening_with_tai_needs_only_its_start_on_a_word_boundary(text, expected):
    assert [m.banks for m in find_banks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # (round eighteen: Fubon Bank (Hong Kong), as Hong Kong's papers name it, is not Fubon's
    # mainland bank nor Taipei Fubon; both brackets are written)
    ("富邦香港中期淨利息收入升近3成", [("富邦银行(香港)",)]),
    ("富邦銀行（香港）公布業績", [("富邦银行(香港)",)]),
    ("富邦華一銀行、台北富邦", [("富邦华一银行",), ("台北富邦银行",)]),
    ("中信銀行（國際）上調定存年息", [("中信银行(国际)",)]),
    # (the banks of Hong Kong's and Macao's registers that a mainland bank owns are that bank's,
    # as 工银亚洲 is; Taiwan's domestic banks each their own)
    ("招商永隆銀行推出定存優惠", [("招商银行",)]),
    ("交銀香港公布中期業績", [("交通银行",)]),
    ("工銀澳門、中銀澳門向企業放款", [("工商银行",), ("中国银行",)]),
    ("日盛銀行與瑞興銀行的放款", [("日盛银行",), ("瑞兴银行",)]),
    # (Taiwan's papers write its Export-Import Bank 輸銀, beside 臺銀 and 土銀)
    ("土銀163.56億元，輸銀16.26億元", [("土地银行",), ("中国输出入银行",)]),
    # (and its banks by their name and 銀 alone, as in its rankings: 第一銀, 華南銀, 臺灣中小企銀)
    ("依序是臺灣中小企銀427.97億元、第一銀6678.3億元、華南銀5993.4億元",
     [("台湾中小企业银行",), ("第一银行",), ("华南银行",)]),
    # (round nineteen: Taiwan's press shortens a bank's legal name to its stem and 商銀 or 銀)
    ("樂天商銀去年虧損擴大", [("乐天国际商业银行",)]),
    ("連線商銀與將來商銀的存款", [("连线商业银行",), ("将来商业银行",)]),
    ("台中商銀、彰化銀與三信商銀", [("台中商业银行",), ("彰化银行",), ("三信商业银行",)]),
    ("上海商銀的放款", [("上海商业储蓄银行",)]),
    ("上海銀保監局發布通知", []),  # (no 上海銀 is derived: the mainland writes 上海银保监局)
    # (English names as the papers write them, and HSBC Holdings by its short name: a
    # holding named after its one bank is that bank)
    ("Line Bank虧損收窄", [("连线商业银行",)]),
    ("匯控公布中期業績", [("汇丰银行",)]),
    # (Taiwan's 行庫 are its banks: 四大行庫 is not the mainland's 四大行)
    ("公股四大行庫的放款", []),
    ("八大行庫承作青年安心成家貸款", []),
    ("四大行淨利潤", [("工商银行", "农业银行", "中国银行", "建设银行")]),
    # (Hong Kong's papers name CITIC's Hong Kong bank 信銀國際, Nanyang 南商行, and two
    # virtual banks by their brands alone)
    ("建行亞洲、信銀國際和工銀亞洲", [("建设银行",), ("中信银行(国际)",), ("工商银行",)]),
    ("南商行資產總額增長", [("南洋商业银行",)]),
    ("湖南商行業協會", []),  # (南商行 only as a word of its own)
    ("Mox虧損最多，平安壹賬通最少", [("Mox银行",), ("平安壹账通银行",)]),
    # (from the registers: DBS by its short name anywhere, not only in a Hong Kong piece; a
    # bank's Asian arm or its Macao bank is the bank's; OCBC Wing Hang its own)
    ("星展台灣分行的稅前盈餘", [("星展银行",)]),
    ("建銀亞洲與澳門商業銀行", [("建设银行",), ("大新银行",)]),
    ("永亨銀行更名為華僑永亨銀行", [("华侨永亨银行",), ("华侨永亨银行",)]),
    # (round twenty, after the score: Wing Hang's mainland bank, bought in 2004, is the group's;
    # it is no Taiwan 第一银行)
    ("即使撇除浙江第一銀行,上半年淨利息收入仍達7.58億元", [("华侨永亨银行",)]),
])
def test_hong_kong_macao_and_taiwan_names_of_rounds_eighteen_to_twenty(text, expected):
    from analysis.chinese import to_simplified
    assert [m.banks for m in find_banks(to_simplified(text))] == expected


def test_provincial_banks_founded_from_merged_city_banks():
    # (wave b: 辽沈银行, founded in 2021, has no place name a local bank is found by; its
    # figures went to 山西银行, named before it in the same sentence)
    assert [m.banks for m in find_banks("山西银行资产规模达2961.82亿元，辽沈银行则为2250亿元")] == [
        ("山西银行",), ("辽沈银行",)]


def test_every_derived_taiwan_form_names_one_taiwan_bank():
    forms = {form: canonical for canonical, info in bank_table()["banks"].items()
             if (info or {}).get("currency") == "TWD" for form in resources.taiwan_forms(canonical)}
    assert forms["乐天商银"] == "乐天国际商业银行" and forms["台中商银"] == "台中商业银行"
    assert not any(form.startswith("上海") for form in forms)
    assert all(alias_map()[form] == (canonical,) for form, canonical in forms.items()
               if form not in bank_table()["banks"])


@pytest.mark.parametrize("text, bank", [
    ("湖北十堰农商银行发放贷款446亿元", "十堰农村商业银行"),
    ("贵州省镇远农村商业银行绿色贷款余额1015万元", "镇远农村商业银行"),
    ("杭州萧山农商银行科技贷款", "萧山农村商业银行"),
    ("四川梓潼县农商银行", "梓潼农村商业银行"),
])
def test_a_rural_bank_written_with_its_province_or_city_is_the_same_bank(text, bank):
    # the press writes a rural bank with the province or the city before its place, or without:
    # one bank, one name, so that the report's table does not split it
    (mention,) = find_banks(text)
    assert mention.banks == (bank,)
    (alone,) = find_banks(text.replace(mention.surface, bank.replace("农村商业银行", "农商银行")))
    assert alone.banks == (bank,)


def test_a_place_that_only_starts_like_a_province_keeps_its_name():
    # (江北 is one place, not 江 and 北; a province's rural banks are a system, no one bank)
    assert [m.banks for m in find_banks("江北农商行")] == [("江北农村商业银行",)]
    assert find_banks("广东省农商银行") == []


@pytest.mark.parametrize(("text", "expected"), [
    # 深圳发展银行 (深发展), a listed bank until it merged into 平安银行 in 2012: its own results
    # in the pieces of its time, not 平安银行's
    ("深發展去年淨利潤增長88%，深圳发展银行不良率降至5.62%。", [("深圳发展银行",), ("深圳发展银行",)]),
    # 中信嘉華銀行, now 中信银行(国际), as Hong Kong's papers shortened it before 2010
    ("中信嘉銀現時按息為最低P減2.85厘。", [("中信银行(国际)",)]),
    # Taiwan's banks of the 2000s, bought or taken over since, by their short names: 寶華銀 is
    # no 華銀 (华南银行) and 僑銀 no OCBC (华侨银行)
    ("寶華銀與中華銀先後爆發擠兌，新竹商銀由渣打收購。", [("宝华商业银行",), ("中华商业银行",),
                                              ("新竹国际商业银行",), ("渣打银行",)]),
    ("花旗收購台灣華僑銀行(下稱僑銀)全部股權，萬泰銀大股東持股八成。", [("花旗银行",), ("华侨商业银行",),
                                                   ("华侨商业银行",), ("万泰商业银行",)]),
    # a mainland rural bank named by its own name, not a place
    ("江门融和银行一年期存款利率上浮至3.3%。", [("江门融和农村商业银行",)]),
    # (controls: 中华 before 银联 and OCBC's own name)
    ("中华银联卡与华侨银行的合作", [("华侨银行",)]),
])
def test_banks_of_older_pieces_by_the_names_of_their_time(text, expected):
    from analysis.chinese import to_simplified
    assert [m.banks for m in find_banks(to_simplified(text))] == expected
