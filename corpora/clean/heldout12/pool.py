"""Noise strings of the clean held-out v12 pages (issue 8), written 2026-11-25 by the session-15 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. Two thirds of
the pages carry the issue's CORE kinds of noise with new strings (news portals, a Discuz-like
forum, Jekyll posts with YAML front matter, HTML pages with entities, images and centred
captions, hijacked spam pages, news-app dumps, government information pages, self-media
accounts); the rest are four page shapes no earlier set has (a Jupyter notebook that scraped the
article, a Kindle clippings file, a CSV export of a collection table, a fax transmission).
Written without reading the cleaner's rules or any held-out or dev page. ``make.py --check``
asserts that no string equals or contains (>= 4 chars) a string of the earlier pools (held-out
v11's included) and that no string of >= 4 chars occurs on a dev page or seed, and prints only
the counts.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).
``prose_captions`` are picture captions that are sentences describing the picture (图为…):
inserted into the article of HTML pages, gold keeps them (corpora/clean/README.md, caption rule).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {ip} {city} {url} {o} {s}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout12",
    "sites": [
        ("浙南瓯江台", "www.ounanojt.com"),
        ("苏北淮风网", "www.subeihuaifeng.cn"),
        ("闽西客家汇", "www.minxikjh.net"),
        ("辽西渤海讯", "www.liaoxibhx.com.cn"),
        ("陕南秦巴网", "www.shannanqinba.com"),
        ("蒙东草原报", "www.mengdongcyb.cn"),
    ],
    "sites_tw": [("雲嘉南日報網", "www.yunjianan-daily.com.tw"), ("竹苗客庄報", "www.zhumiao-hakka.tw")],
    "sites_hk": [("沙田區報", "www.shatin-district.com.hk"), ("將軍澳快線", "www.tko-express.hk")],
    "home": ["回到主站封面", "站点总入口"],
    "sections": ["瓯江潮声", "街巷新事", "田埂日记簿", "菜篮子行情", "校园一线", "医患之间", "山海游踪", "案卷里的故事",
                 "智造前哨", "天下拾遗", "红头文件怎么读", "镜头里的家乡"],
    "sections_tw": ["鄉親消息", "荷包大小事", "海外連線"],
    "sections_hk": ["區內動態", "中港融合", "樓市股市"],
    "nav_extra": ["读报服务台", "爆料专区"],
    "crumb_prefix": ["现处栏目层级 ＞ ", "导览路径 ＞ "],
    "crumb_sep": [" ＞ ", " ∥ "],
    "crumb_tail": ["本篇内文"],
    "meta": ["发稿：{date} {time} ｜ 供稿媒体：{src} ｜ 围观人次：{n}",
             "【刷新时刻 {date_cn} {time}】【稿源单位 {src}】【已被点开 {n} 回】",
             "{src} ∣ {date} {time} ∣ 审签编辑 {author} ∣ 累计被阅{n}"],
    "sources": ["瓯海商报", "淮安日报", "龙岩晚报", "锦州日报", "汉中日报", "赤峰晚报", "丽水日报", "泗洪周刊"],
    "authors": ["蒋慧敏", "卜德林", "邱秀芝", "温长青", "焦玉梅", "诸葛文轩"],
    "byline_roles": ["采写人员 ∣ {author}", "二校 ∣ {author}", "当班签发人 ∣ {author}"],
    "share": ["转给微信好友 ∣ 分享到动态 ∣ 复制本页地址", "一键转发　收进书签　生成长图"],
    "follow": ["身边的新闻线索，欢迎发送至{site}报料邮箱，一经采用即付稿酬。",
               "按住下方小程序码两秒，每晚八点准时收到当日要闻合辑。"],
    "tag_labels": ["本文涉及：", "标签云 ＞ "],
    "tags": ["电梯加装", "城市书房", "农村寄递", "助浴点", "家庭医生签约", "研学旅行", "零工市场", "预制菜"],
    "related_heads": ["读过本篇的人还点开了", "这些稿子你也许感兴趣"],
    "rank_heads": ["七日阅读榜", "全站点击风云榜"],
    "more": ["戳此处翻看完整榜单", "余下热稿 ＞＞"],
    "closers": [
        "以上就是瓯江君今天想跟各位唠的全部内容，想了解更多请持续锁定我们。",
        "以上就是本期为大家整理的全部信息，觉得有用别忘了点个在看哦。",
        "好了，以上就是今天要跟大家聊的内容，我们下期再会。",
    ],
    "disclaimers": ["友情提醒：文章内容仅作信息交流之用，不代表本平台立场。",
                    "郑重声明：凡注明出处为合作媒体的稿件，版权归原单位所有，本平台仅作收录。"],
    "footers": [
        "{site}保有全部稿件著作权 ∣ 2017-{year} ∣ 未经书面授权禁止转载或建立镜像",
        "关于我们 ∣ 招聘英才 ∣ 广告刊例 ∣ 法律声明 ∣ 联系编辑部",
        "新闻信息服务资质证书 第33号-{n}",
        "有害信息受理热线 0577-{n}　受理信箱 tousu@{host}",
    ],
    "icp": ["ICP登记：浙B2-{n}", "浙网安登记编号{n}"],
    "source_tail": ["（此稿转自{src}　执笔记者 {author}　转发时请一并注明）", "原文刊载于{src}，收录时略有删节。"],
    "pic_notes": ["（本图由通讯员供稿）", "（网络图，侵删）", "▼ 上下滑动浏览更多现场图", "（手绘插画 ∣ {author}）"],
    "prose_captions": ["图为当天活动现场的一角。", "图为工作人员正在现场进行检查。", "图为参加活动的群众在认真听讲。",
                       "图为项目施工现场的航拍画面。"],
    "pagination": ["〈 往前一篇　∣　回栏目页　∣　往后一篇 〉", "第 1 页 ∣ 第 2 页 ∣ 下一页 ∣ 尾页"],
    "seo_keywords": ["医保卡异地就医备案", "新能源车牌申领流程", "住房租金扣除申报入口", "灵活就业社保缴费基数"],
    "seo_lines": ["{kw}新变化来了，附办理步骤图解", "三分钟弄明白：{kw}到底要准备哪些材料？", "{kw}（2025年版）"],
    "spam_words": ["金沙城娱乐官方入口", "澳门葡京网投", "北京赛车稳赚技巧", "深夜激情影音区", "美女主播私密福利", "时时彩包赢计划",
                   "成人影视免费点播", "永利网投极速开户"],
    "spam_suffixes": ["新人开户立赠38元", "提款秒速到账"],
    "spam_sep": [" ◆ ", " ∥ "],
    "spam_head_sep": ["■", " ◆ "],
    "cities": ["浙江苍南", "江苏淮安", "福建龙岩", "辽宁锦州", "陕西汉中", "内蒙古赤峰", "浙江松阳", "江苏宿迁"],
    "forum_users": ["瓯江渔歌", "淮上书生", "土楼阿婆", "渤海湾的风", "秦岭脚下", "草原骑手99", "lemontree_88", "老马识途2021"],
    "censor": ["违章", "涉案", "嫌犯", "黑恶", "查封", "停业", "瞒报", "涉嫌", "起诉", "判处", "刑拘", "哄抢", "偷排", "造假",
               "超载", "围堵", "窃取"],
    "keep": ["结果出乎不少人的意料。", "“我们心里踏实多了。”", "掰开了说：", "这已不是头一回了。",
             "为什么会这样？", "“再难也要干下去！”", "事情还得从去年说起。", "几组数据很能说明问题：", "答案是：能。",
             "有人欢喜，有人发愁。"],
    "html": {"img": '<img class="xw-pic12" data-original="{url}" data-lazyx="1">'},
    # Discuz-like forum chrome
    "bbs": {
        "bar": "账号登入 丨 新人报到 丨 忘记口令 丨 快捷导航",
        "crumb": "{site} ＞ 社区 ＞ 本地生活版 ＞ 帖子正文",
        "stat": "被看过 {n} 次 ∣ 跟帖数 {m}",
        "copy": "[拷贝帖子地址]",
        "op": "主楼·原帖",
        "posted": "贴出时间 {date} {time}",
        "only": "只瞧这位",
        "edited": "此帖末次由 {user} 在 {date} {time} 修订",
        "ustat": "社区积分 {n} ∣ 发帖总数 {m} ∣ 入坛日期 {date}",
        "floor": "{k}#",
        "acts": "回帖 ∣ 点赞 ∣ 踩一下 ∣ 举报",
        "replies": ["收藏了，等娃睡了细细读。", "这事我们小区也在说。", "楼主辛苦，顶上去！", "蹲一个后续报道。", "早就该这样了。",
                    "沙发是我的，前排搬凳子。", "家门口的事，必须支持。", "有没有知情人说说细节？"],
        "pager": "〈上页　1　2　3　4 … 9　下页〉",
        "quick": "快速回帖：请文明发言，理性讨论。",
        "powered": "Driven by BoardKit X5.2 ∣ 手机版 ∣ 小黑屋 ∣ 站务信箱",
    },
    # Jekyll post
    "jk": {
        "cats": ["时事摘录", "地方见闻", "剪报本"],
        "layout": "clipping-12",
        "toc": "{% include toc.html %}",
        "tail": "*本篇收录于个人读报归档，仅作学习记录。*",
        "rel": "### 往期归档",
    },
    # HTML page extras
    "hp": {
        "skip": "跳转到主要内容",
        "font": "调整字体：特大　标准　较小",
        "print": "『打印此页』『关掉本窗』",
        "aside": "编辑部私房推荐",
        "rel": "接着往下读",
        "copy": "Copyright &copy; {year} {site} 本站稿件均保留权利",
    },
    # hijacked spam page
    "spam": {
        "hint": "点击进入官方入口，新用户首存即享豪礼",
        "foot": "本站永久域名请收藏，防止走失",
    },
    # news-app dump
    "app": {
        "open": "在客户端里看，图片更清晰、加载更快",
        "exp": "余下段落已折叠，轻点展开",
        "nomore": "— 到底啦，没有更多内容了 —",
        "cmt": "写评论…　　评论 {m}　　收藏　　分享",
        "recs": "根据你的口味挑了几篇",
    },
    # government information page
    "gov": {
        "head": "{city}市政务公开平台",
        "font": "【调整字号：放大 默认 缩小】",
        "print": "〔打印这份文件〕〔关掉此窗〕〔加进收藏〕",
        "rel": "关联文件：",
        "org": "本平台由市府办牵头建设，市数据资源局提供运维支撑",
        "addr": "地址：行政中心北楼　邮编 325{k}00　联系电话：{tel}",
        "best": "建议使用1366×768分辨率浏览本站",
    },
    # self-media account page
    "sm": {
        "acct": "{site}·本地号",
        "fans": "关注者 {n} 人 ∣ 累计获赞 {m}万",
        "follow_btn": "＋ 关注本号",
        "read": "本文已被阅读 {n} 次",
        "report": "投诉该文　意见反馈　减少此类推荐",
        "more": "作者最新文章",
        "stmt": "本文为作者原创，由平台自动生成摘要，未经授权禁止搬运。",
    },
    # Jupyter notebook that scraped the article (new shape)
    "nb": {
        "head": "{user} / 新闻采集练习 / 第{k}课：抓取正文.ipynb",
        "kernel": "内核：Python 3 (ipykernel) ∣ 最后运行于 {date} {time}",
        "md1": "## 第一步：请求页面",
        "md1b": "先用请求库把网页取下来，注意要手动指定编码，否则中文会乱码。",
        "md2": "## 第二步：提取标题和正文",
        "md2b": "正文都在文章容器的段落标签里，逐段打印出来看看效果。",
        "md3": "## 第三步：顺手看看列表页的下一条",
        "md3b": "列表页第二条的结构一样，写成函数复用即可。",
        "note": "# 统计段落数和总字数",
        "warn": "提示：运行本笔记前请确认已安装依赖，并遵守目标站点的抓取协议。",
    },
    # Kindle "My Clippings" file (new shape)
    "kc": {
        "hl": "- 您在位置 #{o}-{s}的标注 | 添加于 {date_cn} {time}:07",
        "note": "- 您在位置 #{o}的笔记 | 添加于 {date_cn} {time}:41",
        "bm": "- 您在位置 #{o}的书签 | 添加于 {date_cn} {time}:18",
                "notes": ["这段可以引用到下周的读书会发言里。", "数字要再核对一遍，和别处的说法对不上。", "回头把这篇转给爸妈看看。"],
        "book": "稍后读合集（{site}推送）",
    },
    # CSV export of a collection table (new shape)
    "csv": {
        "header": "编号,采集时间,来源站点,栏目,页面标题,正文,阅读数,审核状态",
        "ok": "已入库",
        "dup": "疑似重复",
        "tail": "# 导出行数：{m} ∣ 导出人：{user} ∣ 字段分隔符：英文逗号",
    },
    # fax transmission (new shape)
    "fax": {
        "hdr": "{date} {time}  发自：{site}编辑部  传真号 {tel}  第{o}/{s}页",
        "cover": "传　真　函",
        "to": "收件：各县（市、区）融媒体中心编辑部",
        "frm": "发件：{site}总编室",
        "pages": "页数：共{s}页（含本页）",
        "re": "事由：通稿一篇，请各单位择要刊用",
        "ask": "如有页面字迹不清或缺页，请即回电告知，我们将重新发送。",
        "end": "（通稿完，共一篇）",
        "conf": "本传真所载内容仅供指定收件单位使用，如误收请立即销毁并通知发件方。",
    },
    "tw": {
        "app": "鄰里大小事一則不漏接，{site}手機版現正開放下載",
        "line": "掃碼成為{site}的LINE好友，每天中午推播三則重點",
        "copy": "本站刊載之文字、圖片均受著作權法保障，非經授權不得轉載或重製。",
    },
    "hk": {
        "app": "區內即時消息第一時間送到，請下載{site}程式並開啟推送",
        "copy": "本網站一切圖文均屬本報財產，未經許可不得以任何形式翻印。",
    },
}
