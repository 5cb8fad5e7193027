"""Noise strings of the clean HELD-OUT v5 pages (issue 8), written 2026-11-24 by the session-6 data helper.

FROZEN with the pages (corpora/HELDOUT_V5.md); not for developers. Every boilerplate string
``make.py`` writes onto a page comes from :data:`POOL`, written from the writer's knowledge of
real sites, not against the cleaner's rules. ``make.py --check`` asserts that no string equals or
contains (>= 4 chars) a string of the earlier pools or DEV6's and prints only the count.

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {board} {ip} {city} {url}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout5",
    "sites": [
        ("赣鄱晚报网", "www.gpwb.com.cn"),
        ("川渝财经汇", "www.cyzjh.com"),
        ("滇池新闻", "www.dcxinwen.cn"),
        ("鄂东在线", "www.edzx.net"),
        ("冀中民情网", "www.jzmq.org.cn"),
        ("海西消费导报", "www.hxxfdb.com"),
    ],
    "sites_tw": [("南投新報", "www.nantou-post.com.tw"), ("台東晨光", "www.taitung-am.tw")],
    "sites_hk": [("連登台", "forum.lamtang.hk"), ("港聞廣場", "www.gwgc.com.hk")],
    "home": ["总站", "返回总站"],
    "sections": ["要事", "赣南", "民生帮办", "避坑指南", "房市", "汽车生活", "乡村新貌", "银发族", "青少年", "非遗", "国际纵横",
                 "强军", "深度调查", "图解"],
    "sections_tw": ["即時動態", "社會百態", "財經股市", "縣市新聞"],
    "sections_hk": ["本港", "內地消息", "財金"],
    "nav_extra": ["长辈模式", "老年模式", "客户端下载", "报料"],
    "crumb_prefix": ["您正在浏览："],
    "crumb_sep": [" >> ", " → "],
    "crumb_tail": ["文章页"],
    "meta": [
        "【{date} {time}】　{src}　热度指数：{n}",
        "发表：{date_cn}　出自：{src}",
        "{src}・{date}・{n}次阅",
    ],
    "sources": ["江西日报", "华龙网", "春城晚报", "楚天都市报", "长城网", "东南网", "香港商报", "三峡晚报"],
    "authors": ["易水寒", "熊建国", "普丽萍", "田野", "聂晓琳", "汪海波"],
    "byline_roles": ["特派 {author}", "终审签发　{author}"],
    "share": ["分享给：微信好友 / 朋友圈 / 微博"],
    "follow": ["戳这里进{site}视频号，现场直击"],
    "tag_labels": ["关键字索引："],
    "tags": ["公积金新政", "医保改革", "就业援助", "价格监测", "食品抽检", "以旧换新", "农资保供"],
    "related_heads": ["你可能还关心", "本类热文"],
    "rank_heads": ["一周排行"],
    "more": ["进入频道"],
    "closers": ["各位读者对此有何高见？留言告诉我们吧。"],
    "footers": [
        "本网由{site}主管主办　运维：{site}网络科",
        "网站声明 | 投稿须知 | 广告合作 | 人才招聘 | 读者服务",
        "违规信息投诉信箱：tousu@{host}　新闻许可证编号 {n}",
        "{year} {site} 版权声明：本网登载内容未经许可不得转载",
    ],
    "icp": ["ICP：赣{n}", "滇网安备案{n}", "鄂B2-{n}"],
    "source_tail": ["——来源：{src}", "(摘编自{src})"],
    "pic_notes": ["[档案照片]", "（采访对象提供）", "照片提供／{src}", "(轻触看大图)"],
    "disclaimers": ["特别提示：本文内容仅供参考，如需引用，请以相关部门公布的信息为准。"],
    "pagination": ["« 1 2 3 4 »", "第 1/2 页　下一页 »"],
    "seo_keywords": ["拼多多退款客服热线", "个人所得税退税流程", "ETC怎么注销", "燃气费网上缴费", "医保电子凭证激活"],
    "seo_lines": ["{kw}一步一步教你", "{kw}【官方指南】", "热门搜索：{kw}", "{kw}，{year}全新版"],
    "spam_words": ["金沙国际", "博彩导航", "真钱扎金花", "网上开户送88", "高清无删减", "激情裸播", "北京赛车PK", "体彩代购",
                   "赛车彩票挂机", "亚博体育"],
    "spam_suffixes": ["官网直达", "注册即送", "终身VIP"],
    "spam_sep": ["　", " / "],
    "spam_head_sep": [" / ", "=="],
    "cities": ["江西南昌", "重庆渝中", "云南昆明", "湖北黄冈", "河北保定", "福建厦门", "宁夏银川", "辽宁大连"],
    # Word/PDF export of a government document
    "wordexport": {
        "orgs": ["某市应急管理局", "某县地震局", "某区人民政府办公室"],
        "head": "{board}文件",
        "docno": "某应急〔{year}〕{m}号",
        "pageno": ["— {k} —", "- {k} -", "第 {k} 页"],
        "header": "{board}规范性文件汇编",
        "public": "（此件主动公开）",
        "cc": "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
        "printed": "{board}综合科　　{date_cn}印发",
    },
    # press-conference transcript
    "presser": {
        "brand": "{site}·发布厅",
        "channel": "首页 > 发布会 > 实录",
        "when": "发布会时间：{date_cn} 上午10时",
        "where": "地点：新闻发布厅",
        "roster": "主持人：{author}　发布人：{src}新闻发言人",
        "replay": "▷ 观看发布会视频回放",
        "pic": ["[现场图]", "[发布会现场]", "（现场照片）"],
        "editor": "【本稿编校：{author}】",
        "rel": "往期发布会",
    },
    # digital newspaper page
    "epaper": {
        "brand": "{site}数字报",
        "edition": "{date_cn}　{k}版·财经观察",
        "pages": "<<前一版　后一版>>",
        "nav_head": "本版标题导航",
        "by": "■ 文／{author} 本报驻站",
        "art_nav": "<<上一篇　　下一篇>>",
        "nav_head2": "本版其他稿件",
        "archive": "过往期刊 | 版面缩略图 | PDF下载　{site}电子报库",
    },
    # RSS feed
    "rss": {
        "desc": "{site} - 滚动新闻源",
        "gen": "CMS RSS Generator 2.0",
        "pub": "Mon, {k} Jan {year} 0{k}:30:00 +0800",
        "teaser": "摘要：详见原文。",
    },
    # search-engine snapshot banner
    "cache": {
        "banner": "您查询的关键词已被高亮。这是{site}页面的网页快照，抓取于{date} {time}。",
        "stale": "网页快照可能与当前页面不一致，请点击访问原始网页。",
        "hl": "高亮关键词：{kw}",
    },
    # post bar thread
    "tieba": {
        "bar": "{board}吧",
        "bars": ["退费互助", "买房经验", "种植技术"],
        "count": "会员数 {n}　主题数 {m}万",
        "btns": "只看楼主　收藏　回复",
        "lz": "楼主 LV9",
        "floor": "{k}楼 · {date} {time} · 安卓端",
        "re": "回帖：",
        "sub": "{user}: 顶起来",
        "fold": "楼中楼 ∧ 收起",
        "say": "我来补一句",
        "post": "回帖请先登录",
    },
    # forum archiver / printable thread
    "archive": {
        "full": "查看完整版本: ",
        "bracket": "[-- {t} --]",
        "boards": ["经济论坛", "百姓议事厅"],
        "print": "[打印]",
        "login": "登入 -> 注册 -> 回帖 -> 发新帖",
        "sep": "-------------------------------------------",
        "by": "帖者：{user}",
        "at": "发帖时间：{date} {time}",
        "top": " -- [-- top --]",
        "powered": "Powered by PHPWind Code ©2003-{year} Gzip disabled",
    },
    # microblog long post
    "weibo": {
        "acct": "{site} V",
        "when": "{date} {time} 发自 网页端",
        "fold": "收起d",
        "bar": "↻ {n}　|　✉ {m}　|　♡ {k}",
        "sort": "按热度　按时间",
        "cm_meta": "{date} {time}　{city}　回 · 赞",
        "more": "点开剩余{m}条",
    },
    # Taiwan news site
    "twnews": {
        "chan": "首頁 > {board}",
        "when": "{date} {time} 發布",
        "dateline": "〔記者{author}／{city}報導〕",
        "cities": ["台中", "南投", "台東", "新竹"],
        "app": "下載新聞APP 每日簽到拿好禮",
        "app2": "點我下載APP　看活動辦法",
        "also": "加碼看：",
        "rel": "同類新聞",
    },
    # Hong Kong discussion forum
    "hkforum": {
        "boards": ["時政台", "理財台", "閒聊台"],
        "pages": "頁 1 / {k} ▼",
        "post": "#{k} {user} {m}分鐘前",
        "votes": "👍 {m}　👎 {k}",
        "replies": ["真係冇眼睇", "講得好中肯", "留名睇後續", "希望唔係講吓就算", "撐", "其實一早應該咁做"],
        "more": "載入更多回覆",
        "reply": "回覆　分享　收藏",
    },
    # e-commerce platform rule centre
    "notice": {
        "brand": "{site}规则中心",
        "crumb": "平台公告",
        "label": "【公告】",
        "period": "公示期：自{date}起{m}日",
        "eff": "生效时间：{date}",
        "feedback": "如有意见，请于公示期内通过意见征集入口提交，共收到反馈{n}条。",
        "vote": "赞同票数 {n}　不赞同票数 {k}",
        "list": "规则解读",
    },
    "forum_users": ["赣州老表", "重庆火锅妹", "滇西北", "黄冈秘卷", "保定驴肉火烧", "厦门阿伯", "川妹子2000", "大连海蛎子"],
    "replies": ["坐等下文", "这才是正事", "希望执行到位", "点个赞先", "转给我爸妈看看", "涨知识咯", "终于有人管了", "顶"],
    "html": {"img": '<img border=0 src={url}>'},
    "censor": ["受贿", "疯牛病", "瘟疫", "撞死", "暴力", "战争", "武器", "死亡", "没收", "开除", "黑市", "炒作"],
}
