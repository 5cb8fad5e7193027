"""Noise strings of the clean DEV9 pages (issue 8), written 2026-11-24 by the session-9 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. The strings
imitate Chinese sites as the writer knows them (live blogs, government open-information pages,
paginated portal articles, mobile AMP pages, picture galleries, podcast/video show notes, email
newsletters and RSS exports, machine-translated reposts, OCR'd PDF text, news tickers, sponsored
content, Weibo repost chains; Taiwan and Hong Kong sites), written without reading the cleaner's
rules. ``make.py --check`` asserts that no string equals or contains (>= 4 chars) a string of the
earlier pools and prints only the count.

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {board} {ip} {city} {url} {o} {s}`` and
template-specific ones.
"""
from __future__ import annotations

POOL: dict = {
    "name": "dev9",
    "sites": [
        ("湘西融媒体中心", "www.xxrmt.cn"),
        ("黔南观察网", "www.qnguancha.com"),
        ("冀东晨讯", "www.jidongcx.net"),
        ("川北在线", "www.chuanbei-zx.cn"),
        ("胶东视界", "www.jdshijie.com"),
        ("桂北传媒网", "www.guibeicm.com.cn"),
    ],
    "sites_tw": [("南瀛週報網", "www.nanying-wk.tw"), ("蘭陽即時通", "www.lanyang-now.com.tw")],
    "sites_hk": [("東方快線", "www.eastexpress.com.hk"), ("港島觀察", "www.hkisle-view.hk")],
    "home": ["主站", "返回门户"],
    "sections": ["民生热线", "政法观察", "体坛风云", "文旅频道", "科技创新", "健康养生", "教育在线", "乡村振兴",
                 "环球时讯", "城市记忆", "舆情中心", "图说天下"],
    "sections_tw": ["地方焦點", "藝文生活", "全球視野"],
    "sections_hk": ["港聞追蹤", "中國內地", "波經體壇"],
    "nav_extra": ["融媒矩阵", "云直播"],
    "crumb_prefix": ["当前栏目：", "位置导航："],
    "crumb_sep": [" ｜ ", " ▸ "],
    "crumb_tail": ["内容页"],
    "meta": [
        "发稿时间 {date} {time}　稿源 {src}　阅读量 {n}",
        "{src} · {date_cn}　字体：大 中 小",
    ],
    "sources": ["湘西团结报", "黔南日报", "唐山劳动日报", "南充日报", "烟台晚报", "桂林日报", "恩施日报", "遵义晚报"],
    "authors": ["田光明", "蒋雯雯", "龙德海", "苏婉清", "雷振宇", "符晓敏"],
    "byline_roles": ["责任编审：{author}", "值班主任 {author}", "校对／{author}"],
    "share": ["转发到：微信好友 · QQ空间 · 新浪微博 · 复制链接"],
    "follow": ["长按识别下方二维码，第一时间获取本地权威发布。",
               "想看更多本地新鲜事？下载{site}客户端，随时随地刷新闻。"],
    "tag_labels": ["本文话题："],
    "tags": ["基层治理", "平安建设", "全民健身", "书香校园", "数字乡村", "适老化改造"],
    "related_heads": ["相关专题", "看了又看"],
    "rank_heads": ["本周阅读排行"],
    "more": ["点击加载更多内容"],
    "closers": ["今天的分享就先到这儿，我们下期再会。"],
    "footers": [
        "{site}版权所有，未经书面授权禁止使用",
        "关于本站 ｜ 广告服务 ｜ 网站地图 ｜ 意见反馈",
        "违法和不良信息举报电话：{tel}　举报邮箱：jubao@{host}",
        "本网法律顾问：正衡律师事务所",
    ],
    "icp": ["湘ICP备{n}号-2", "黔公网安备 5227{n}号"],
    "source_tail": ["（本文来源：{src}，作者：{author}）", "原文刊发于{src}，转载请注明出处及作者。"],
    "pic_notes": ["（图片来自受访者）", "（视频截图）", "（本报资料照片）", "（图片由通讯员提供）"],
    "disclaimers": ["声明：本站部分内容来源于互联网，转载的目的在于传递更多信息，版权归原作者所有，如涉及作品内容问题，请及时与本站联系。",
                    "本文仅代表作者个人观点，与本网站无关，其原创性以及文中陈述文字和内容未经本站证实。"],
    "pagination": ["上一篇 ｜ 返回列表 ｜ 下一篇"],
    "seo_keywords": ["公积金提取条件", "异地就医备案办理", "个税专项附加扣除填报", "居住证网上申请"],
    "seo_lines": ["{kw}_{year}详细步骤", "{kw}看这一篇就够了"],
    "spam_words": ["澳门新葡京娱乐场", "百家乐在线开户", "日本无码专区", "北京赛车pk拾", "真人视讯平台", "同城交友约会"],
    "spam_suffixes": ["首存送彩金"],
    "spam_sep": [" ◎ "],
    "spam_head_sep": [" ◎ "],
    "cities": ["湖南吉首", "贵州都匀", "河北唐山", "四川南充", "山东烟台", "广西桂林", "湖北恩施", "贵州遵义"],
    "forum_users": ["山城小雨", "风吹麦浪2019", "momo_li", "老陈不老", "一颗大白菜", "江边钓鱼人", "今天也要加油鸭", "路过的猫先生"],
    "replies": ["这条必须转，让更多人知道。", "身边就有类似的情况，感触很深。", "点赞，希望越来越好。",
                "坐等官方进一步的消息。", "长见识了，收藏备用。", "说到心坎里去了。",
                "有不同看法，事情没那么简单吧。", "马克一下，回头慢慢看。"],
    "html": {"img": '<img class="lazyload" data-original="{url}" width="640">'},
    "censor": ["吸毒", "卖淫", "绑架", "强奸", "爆炸", "政变", "暴乱", "枪杀", "恐吓", "劫持", "黑帮", "械斗", "毒瘾", "刺伤", "捅伤", "尸体", "砍死", "杀害", "死者", "嫌疑人"],
    # live blog: timestamped entries, pinned note, refresh prompt, end line
    "live": {
        "label": "【图文直播】",
        "status": "直播中 · 已有{n}人围观",
        "pin": "置顶　主持人：各位网友大家好，欢迎收看本场直播，我们将持续更新现场最新情况。",
        "refresh": "自动刷新已开启　每30秒更新一次",
        "stamp": ["{time}", "{time} 更新", "▍{time}"],
        "who": ["前方记者{author}", "编辑{author}"],
        "other": "【插播】",
        "end": "本场直播已结束，感谢各位网友关注，精彩回顾请点击下方链接。",
        "replay": "直播回放 ｜ 全部图片 ｜ 网友互动({m})",
    },
    # government open-information page
    "gov": {
        "brand": "{city}市人民政府门户网站",
        "open": "政府信息公开",
        "fields": ["信息名称：{t}", "索 引 号：11{k}30{m}/{year}-00{n}", "主题分类：综合政务\\其他",
                   "发文机关：{city}市人民政府办公室", "成文日期：{date_cn}", "发布日期：{date_cn}", "有 效 性：有效"],
        "law_head": "政策依据：",
        "laws": ["《中华人民共和国政府信息公开条例》第十九条规定：对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，行政机关应当主动公开。",
                 "《优化营商环境条例》第六十四条：没有法律、法规或者国务院决定和命令依据的，行政规范性文件不得减损市场主体合法权益或者增加其义务。",
                 "《中华人民共和国突发事件应对法》第十条规定：有关人民政府及其部门作出的应对突发事件的决定、命令，应当及时公布。"],
        "interp": "政策解读：",
        "interp_items": ["图解：一图读懂{o}", "答记者问：{o}"],
        "tools": "【打印本页】【关闭窗口】【字号：大 中 小】",
        "rate": "您对本页内容是否满意？ 满意 一般 不满意",
        "foot": ["主办：{city}市人民政府办公室　承办：{city}市大数据中心", "网站标识码 43{n}　政务服务热线 12345"],
    },
    # paginated article
    "pages": {
        "count": "本文共{k}页",
        "page_line": ["第{k}页", "（第{k}页）"],
        "cont": ["（未完，接下页）", ">>点击进入下一页"],
        "nav": "上一页　{nums}　下一页",
        "all": "在本页浏览全文",
    },
    # mobile AMP page
    "amp": {
        "open": "打开APP，阅读体验更佳",
        "head": "{site}移动版",
        "fold": "展开全文 ∨",
        "mid": ["打开{site}APP，查看更多高清大图", "APP内打开 领取阅读红包"],
        "guess": "为你推荐",
        "top": "↑ 回到顶部",
        "foot": ["电脑版 ｜ 客户端 ｜ 意见反馈", "© {year} {site} m.{host}"],
    },
    # picture gallery
    "gallery": {
        "label": "高清组图",
        "counter": ["{k}/{m}", "（{k}/{m}）"],
        "nav": "上一张　下一张　查看原图",
        "auto": "自动播放 ▶　缩略图",
        "end": "已经是最后一张了，重新浏览",
        "more": "更多图集",
        "photo": "摄影：{author}",
    },
    # podcast / video show notes
    "show": {
        "label": "本期节目",
        "dur": "时长 {k}{m}:{n}　播放 {n}次",
        "host": "主播：{author}　嘉宾：{board}",
        "tl_head": "时间轴",
        "tl": ["00:00 开场白", "0{k}:{m} 本期话题引入", "1{k}:{m} 嘉宾分享", "2{k}:{m} 听众提问", "3{k}:{m} 结束语"],
        "sum": "节目文字稿：",
        "sponsor": "本期节目由山泉牌矿泉水特约播出，感谢赞助商对节目的长期支持。",
        "platforms": "收听渠道：喜马拉雅 · 小宇宙 · 网易云音乐 · 苹果播客",
        "bgm": "片尾音乐：《远方的风》",
        "ask": "欢迎在评论区留下你的想法，点赞最高的三位听众将获得节目周边。",
    },
    # email newsletter / RSS export
    "mail": {
        "from": "发件人：{site} <newsletter@{host}>",
        "to": "收件人：订阅用户",
        "subj": "主题：【{site}早知道】{t}",
        "date": "日期：{date} {time}",
        "broken": "如果邮件无法正常显示，请点击此处查看网页版。",
        "hi": "亲爱的读者，早上好！以下是今天为您精选的内容。",
        "main": "▌今日精选",
        "more": "▌本周也值得一读",
        "more_tail": "〔阅读全文〕",
        "why": "您收到这封邮件，是因为您曾在{site}订阅了新闻简报。",
        "unsub": "退订 ｜ 修改订阅偏好 ｜ 转发给朋友",
        "rss": "来源频道：{site} RSS　条目 {n}",
    },
    # machine-translated repost
    "mt": {
        "note": ["本文由机器翻译自外文媒体，译文仅供参考，以原文为准。",
                 "以下内容为AI自动翻译，可能存在错漏之处，敬请谅解。"],
        "orig": "原文发表时间：{date}（当地时间）",
        "src": "原文链接：https://{host}/en/{n}",
        "tr": "译者注：文中部分专有名词保留了原文的说法。",
        "check": "翻译质量如何？ 好 ｜ 一般 ｜ 差",
        "ad": "想读懂更多外媒报道？开通会员即可无限次使用全文翻译功能。",
    },
    # OCR'd PDF text
    "ocr": {
        "hdr": "{src}　　{date_cn}　星期{k}",
        "edition": "第{k}版　{board}",
        "boards": ["要闻", "社会", "综合", "文体"],
        "pageno": "— {k} —",
        "scan": "扫描件由{site}数字报刊库提供",
        "garbage": ["·····", "l l I", "ˉ ˉ ˉ"],
        "ed": "本版责编：{author}　美编：{board}",
    },
    # news ticker
    "ticker": {
        "head": "滚动新闻",
        "item": "【{time}】",
        "tail": "更多滚动 >>",
        "break": "突发",
    },
    # sponsored content
    "sponsor": {
        "label": ["【推广】", "赞助内容"],
        "note": ["本文由合作方提供，内容不代表本站立场，请读者自行甄别。",
                 "以上内容为商业推广信息，投资有风险，消费需谨慎。"],
        "partner": "合作伙伴",
        "partners": ["金穗农商银行", "蓝鲸出行", "禾丰家居"],
        "ad": "广告　继续阅读下文",
        "cta": "了解详情请拨打{tel}或关注同名公众号。",
    },
    # Weibo repost chain
    "weibo": {
        "acct": "@{board}",
        "vip": "微博认证：{board}官方微博",
        "when": "{date} {time} 来自 {board}超话",
        "cta": "#{board}# ",
        "fold": "...全文",
        "chain": "//@{user}:",
        "bar": "转发 {n}　评论 {m}　赞 {n}",
        "hot": "按热度　按时间",
        "cmt": "{user}：{s}",
        "cmt_meta": "{date} 来自{city}",
    },
    # Traditional sites
    "tw": {
        "app": "下載{site}APP，新聞即時推播不漏接",
        "line": "加入{site}官方LINE帳號，獨家新聞搶先看",
        "copy": "本網站所有內容均受著作權法保護，未經授權請勿轉載。",
    },
    "hk": {
        "app": "立即下載{site}應用程式，緊貼最新消息",
        "copy": "版權所有，不得轉載",
    },
}
