"""Legal-prose stress check of the clean stages (session 18): court judgments, a court notice,
statute articles and a legal-news report, written by hand for this check (no corpus, no
download).

Legal prose looks like metadata: numbered ("一、", "第二十一条"), dated ("2019年1月8日，…"),
case numbers inside sentences ("（2023）苏0508民初1234号民事判决"), amounts ("人民币5000元"),
short clauses and colon lead-ins ("经审理查明：", "判决如下："), party lines ("被告人张某，
男，…"), a consultation's 问/答 lines and a legal exam question with its A-D options. Every line of these texts is prose the cleaner must keep, except two kinds a page's
gold may treat either way, counted apart as ``ambiguous``: the document's own case-number line
under its title ("（2019）京0105刑初123号", shaped like a gov document number, which the
tuning sets' gold removes as metadata) and a judgment's signature block (审判长 / date /
书记员 lines).

Variants per text: ``plain``; ``short`` (one sentence per line); ``framed`` / ``framed_short``
(between a breadcrumb + meta line and a related label + footer, not counted); judgments also
``signed`` (the signature block appended); with ``--devframes`` also every text without its
headline under the real chrome of each dev page (``clean_prose_stress.dev_frames``, not counted). A line counts as lost when the pipeline (convert,
clean.*, despin) does not output it verbatim (multiset).

    python eval/clean_legal_stress.py [--show] [--devframes]
"""
import re
import sys

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from nlp.pipeline import Pipeline  # noqa: E402

DOCS = {
"criminal": """北京市朝阳区人民法院刑事判决书
（2019）京0105刑初123号
公诉机关北京市朝阳区人民检察院。
被告人张某，男，1985年3月12日出生，汉族，大专文化，无业，户籍地河北省保定市。因涉嫌犯诈骗罪于2019年1月8日被刑事拘留，同年2月14日被逮捕。现羁押于北京市朝阳区看守所。
辩护人刘某，北京某律师事务所律师。
北京市朝阳区人民检察院以京朝检刑诉〔2019〕456号起诉书指控被告人张某犯诈骗罪，于2019年5月20日向本院提起公诉。本院依法适用简易程序，实行独任审判，公开开庭审理了本案。
北京市朝阳区人民检察院指派检察员王某出庭支持公诉，被告人张某及其辩护人刘某到庭参加诉讼。现已审理终结。
经审理查明：
2018年5月至2018年12月间，被告人张某冒充某电商平台客服，以办理退款为由，先后骗取被害人李某、赵某等五人钱款共计人民币52000元。
2019年1月8日，被告人张某在河北省保定市家中被民警抓获。案发后，赃款已部分追缴。
上述事实，被告人张某在开庭审理过程中亦无异议，且有被害人陈述、转账记录、证人证言、被告人供述等证据证实，足以认定。
本院认为，被告人张某以非法占有为目的，虚构事实，骗取他人财物，数额较大，其行为已构成诈骗罪。
公诉机关指控被告人张某犯诈骗罪的事实清楚，证据确实、充分，指控罪名成立。
被告人张某到案后如实供述自己的罪行，依法可以从轻处罚。
依照《中华人民共和国刑法》第二百六十六条、第六十七条第三款、第五十二条、第五十三条、第六十四条之规定，判决如下：
一、被告人张某犯诈骗罪，判处有期徒刑二年，并处罚金人民币五千元。
（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2019年1月8日起至2021年1月7日止。罚金于本判决生效后十日内缴纳。）
二、责令被告人张某退赔各被害人经济损失。
如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向北京市第三中级人民法院提出上诉。书面上诉的，应当提交上诉状正本一份，副本二份。""",
"civil": """原告王某与被告某物业服务有限公司物业服务合同纠纷一审民事判决书
（2020）沪0115民初8876号
原告：王某，女，1972年6月3日出生，汉族，住上海市浦东新区。
被告：上海某物业服务有限公司，住所地上海市浦东新区张江路100号。
法定代表人：陈某，该公司总经理。
原告王某与被告上海某物业服务有限公司物业服务合同纠纷一案，本院于2020年3月2日立案后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。
王某向本院提出诉讼请求：1.判令被告赔偿车辆损失人民币18600元；2.本案诉讼费由被告承担。
事实和理由：2019年7月15日夜间，原告停放在小区地面停车位的车辆被高空坠落的花盆砸坏，被告作为物业服务企业未尽到安全保障义务。
被告辩称，被告已按合同约定履行了巡查义务，花盆系业主私自放置，不同意原告的诉讼请求。
本院经审理认定事实如下：
2018年1月1日，原、被告签订《物业服务合同》，约定由被告为原告所在小区提供物业服务，期限三年。
2019年7月16日，原告就车辆受损向公安机关报案。经鉴定，车辆维修费用为人民币18600元。
本院认为，依法成立的合同，对当事人具有法律约束力。
根据《中华人民共和国民法典》第一千二百五十四条的规定，从建筑物中抛掷物品或者从建筑物上坠落的物品造成他人损害的，由侵权人依法承担侵权责任。
物业服务企业等建筑物管理人应当采取必要的安全保障措施防止前款规定情形的发生；未采取必要的安全保障措施的，应当依法承担未履行安全保障义务的侵权责任。
本案中，被告未能举证证明其已采取必要的安全保障措施，应承担相应的责任。本院酌定被告承担30%的赔偿责任。
综上，依照《中华人民共和国民事诉讼法》第六十四条第一款、第一百四十二条之规定，判决如下：
被告上海某物业服务有限公司于本判决生效之日起十日内赔偿原告王某车辆损失人民币5580元；
驳回原告王某的其他诉讼请求。
案件受理费减半收取计人民币116元，由原告王某负担81元，被告负担35元。""",
"news": """男子冒充客服骗取五万余元 被判有期徒刑二年
近日，北京市朝阳区人民法院审结一起冒充电商客服实施诈骗的案件，被告人张某犯诈骗罪被判处有期徒刑二年，并处罚金人民币5000元。
法院经审理查明，2018年5月至12月，张某通过非法渠道获取网购消费者的订单信息，随后冒充电商平台客服，以“商品质量问题需要退款”为由，诱导被害人下载屏幕共享软件，骗取5名被害人共计5.2万元。
“被告人到案后如实供述了自己的罪行，依法可以从轻处罚。”承办法官介绍。
法院认为，张某以非法占有为目的，虚构事实、隐瞒真相，骗取他人财物，数额较大，其行为已构成诈骗罪。依照刑法第二百六十六条，法院作出上述判决。
法官提醒：
1.正规电商平台退款无需消费者提供银行卡密码或验证码；
2.不要轻易下载陌生人推荐的屏幕共享软件；
3.遇到可疑情况，请第一时间拨打110报警。
宣判后，张某当庭表示不上诉。目前，该判决已生效。
据了解，2023年以来，该院共审结电信网络诈骗案件137件，涉案金额逾2000万元。""",
"notice": """关于公开审理李某某涉嫌故意伤害一案的公告
本院定于2024年3月18日上午9时30分，在本院第三审判庭公开开庭审理被告人李某某故意伤害一案，案号（2024）粤0304刑初56号。
审判长：陈某；审判员：周某、吴某；书记员：郑某。
旁听人员须持有效身份证件，于开庭前30分钟到本院诉讼服务中心登记。
第一条  为了规范网络交易活动，维护网络交易秩序，保障网络交易各方主体合法权益，制定本办法。
第二条  在中华人民共和国境内，通过互联网等信息网络销售商品或者提供服务的经营活动，适用本办法。
第二十一条  网络交易经营者违反本办法规定的，由县级以上市场监督管理部门责令限期改正；逾期不改正的，处一万元以下罚款。
2023年12月1日，原告诉至法院，请求判令被告返还借款人民币20万元及利息。
2024年1月9日，一审法院作出（2023）苏0508民初1234号民事判决，判令被告于判决生效之日起十日内返还借款。
被告不服，提起上诉。二审法院经审理后认为，一审判决认定事实清楚，适用法律正确，依法驳回上诉，维持原判。""",
"consult": """网购商品有质量问题商家拒绝退货怎么办
问：我在网上购买了一台空调，安装后发现制冷效果很差，商家以“已安装”为由拒绝退货，我该怎么办？
答：根据《中华人民共和国消费者权益保护法》第二十四条的规定，经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。
没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货。
问：如果商家坚持不退，可以向哪里投诉？
答：您可以拨打12315向市场监督管理部门投诉，也可以向消费者协会申请调解，调解不成的，可以向人民法院提起诉讼。
甲因琐事与乙发生争执，将乙打成轻伤。关于本案，下列说法正确的是：
A．甲的行为构成故意伤害罪
B．乙可以提起刑事附带民事诉讼
C．本案属于自诉案件，乙可以直接向人民法院起诉
D．公安机关不得对本案立案侦查
解析：故意伤害致人轻伤的，属于人民法院直接受理的自诉案件，被害人也可以向公安机关报案，故D项错误。""",
}
#: a judgment's signature block (ambiguous for a page's gold)
SIGN = """审判长　李明
人民陪审员　王芳
二〇一九年十月十五日
书记员　赵磊"""
FRAME_HEAD = ["首页 > 法治 > 案例", "发布时间：2024-03-01 10:21  来源：本站  浏览：1024次"]
FRAME_TAIL = ["相关阅读", "版权所有 © 2024 本站 京ICP备12345678号"]
SENT = re.compile(r".+?(?:[。！？；]+[”’」』）]?|$)")
#: the document's own case-number line (ambiguous, see the module doc)
CASE_NO = re.compile(r"^[（(〔]\d{4}[）)〕]\S{2,16}号$")
JUDGMENTS = ("criminal", "civil")


def variants(name: str, text: str) -> dict[str, list[str]]:
    lines = text.splitlines()
    short = [s for ln in lines for s in SENT.findall(ln) if s]
    out = {"plain": lines, "framed": lines, "short": short, "framed_short": short}
    if name in JUDGMENTS:
        out["signed"] = lines + SIGN.splitlines()
    return out


def main(argv=None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    show = "--show" in args
    pipe = Pipeline(on_error="raise")
    sign = set(SIGN.splitlines())
    counts = {"prose": [0, 0], "ambiguous": [0, 0]}
    frames = []
    if "--devframes" in args:
        sys.path.insert(0, str(ROOT / "eval"))
        from clean_prose_stress import dev_frames

        frames = dev_frames()
    for name, text in DOCS.items():
        vs = variants(name, text)
        pages = [(v, lines, (FRAME_HEAD + lines + FRAME_TAIL) if v.startswith("framed") else lines)
                 for v, lines in vs.items()]
        # the headline left out under a dev page's chrome (clean_prose_stress devframe)
        pages += [(f"devframe{k}", vs["plain"][1:], head + vs["plain"][1:] + tail)
                  for k, (head, tail) in enumerate(frames)]
        for v, lines, page in pages:
            left = pipe.run("\n".join(page) + "\n").text.splitlines()
            for ln in lines:
                kind = "ambiguous" if ln in sign or CASE_NO.match(ln) else "prose"
                counts[kind][1] += 1
                if ln in left:
                    left.remove(ln)
                else:
                    counts[kind][0] += 1
                    if show or kind == "prose":
                        print(f"  {name}/{v} [{kind}] not output: {ln[:70]}")
    for kind, (lost, total) in counts.items():
        print(f"{kind}: {lost} / {total} lines not output verbatim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
