"""Noise strings of the clean held-out v13 pages (issue 8), written 2026-11-25 by the session-16 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. Two thirds of
the pages carry the issue's CORE kinds of noise with new strings (news portals, a forum thread,
Hexo posts with YAML front matter, HTML pages with entities, images and centred captions,
hijacked spam pages, news-app dumps, government information pages, self-media accounts); the
rest are four page shapes no earlier set has (a search-result page saved as text that opens on
the article, a WARC web-archive record, a wiki talk page with the report pasted as a source, an
originality-check report). Written without reading the cleaner's rules or any held-out or dev
page. ``make.py --check`` asserts that no string equals or contains (>= 4 chars) a string of the
earlier pools (held-out v12's included) and that no string of >= 4 chars occurs on a dev page or
seed, and prints only the counts.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).
``prose_captions`` are picture captions that are sentences describing the picture (图为…):
inserted into the article of HTML / WARC pages, gold keeps them (corpora/clean/README.md,
caption rule).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {ip} {city} {url} {o} {s} {q}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout13",
    "sites": [
        ("皖南徽州在线", "www.wannanhuizhou.com"),
        ("鄂西清江讯", "www.exiqingjiang.cn"),
        ("桂北漓水网", "www.guibeilishui.net"),
        ("冀东滦河报", "www.jidongluanhe.com.cn"),
        ("川南沱江台", "www.chuannantuojiang.com"),
        ("黔东南苗岭快讯", "www.qdnmiaoling.cn"),
    ],
    "sites_tw": [("花東縱谷週報", "www.huadong-valley.com.tw"), ("澎湖灣鄉訊", "www.penghu-bay.tw")],
    "sites_hk": [("元朗天水圍街坊報", "www.yuenlong-tsw.com.hk"), ("離島渡輪報", "www.islands-ferry.hk")],
    "home": ["徽州在线首屏", "门户起始页"],
    "sections": ["徽州人家", "清江两岸", "漓水船歌", "滦河晨读", "沱江边上", "苗岭风物", "灶台经济学", "考场内外",
                 "诊室见闻", "驴友路书", "卷宗背后", "车间风向标"],
    "sections_tw": ["縱谷日常", "錢包攻略", "僑居海外"],
    "sections_hk": ["屋邨點滴", "北上消費", "港股追蹤"],
    "nav_extra": ["看报导航台", "读者来信箱"],
    "crumb_prefix": ["目前所处：", "浏览定位："],
    "crumb_sep": [" → ", " 〉 "],
    "crumb_tail": ["内容详读"],
    "meta": ["见报 {date} {time} ｜ 出自 {src} ｜ 被翻开 {n} 次",
             "〔{date_cn} {time} 更新〕〔供稿方：{src}〕〔已有{n}人读过〕",
             "{src} ｜ 挂网 {date} {time} ｜ 签发人 {author} ｜ 翻阅{n}"],
    "sources": ["徽州晨刊", "清江晚报", "漓江周末", "滦州时报", "沱江商报", "苗岭周报", "绩溪快报", "江安日报"],
    "authors": ["钱晓霞", "龚志远", "麦秀兰", "符建设", "欧阳雪梅", "冷德胜"],
    "byline_roles": ["文字记者 ｜ {author}", "三审 ｜ {author}", "值班总编 ｜ {author}"],
    "share": ["分给群聊 ｜ 晒到圈子 ｜ 拷贝链接地址", "转存网盘　加星标　做成海报"],
    "follow": ["遇到新鲜事？把线索私信给{site}夜班编辑部，刊出后另付稿费。",
               "长按识别小程序，每天清晨七点推送当日头条速递。"],
    "tag_labels": ["贴了这些标签：", "关键词索引 → "],
    "tags": ["城中村焕新", "老年助餐点", "快递进村", "社区托育", "分级诊疗", "村级光伏", "用工余缺调剂", "学位扩容"],
    "related_heads": ["看了这篇的读者还在读", "没准你也爱读"],
    "rank_heads": ["本周热读排行", "全站阅读指数榜"],
    "more": ["完整榜单请戳这里", "展开剩余热文 〉〉"],
    "closers": [
        "以上就是徽州小编今天整理的全部内容啦，后续进展我们会持续跟进。",
        "以上就是本篇想和诸位交代的全部，喜欢的话点颗星星再走。",
        "今天的分享就到这儿，有啥想法欢迎在评论区一起聊聊。",
    ],
    "disclaimers": ["特此提醒：本文仅供读者参考，相关信息请以官方发布为准。",
                    "转载说明：凡标明来源为合作单位的内容，著作权属原作者，本站转载仅为传递信息。"],
    "footers": [
        "{site}自2016年起保有本站稿件权利 ｜ 未获许可请勿复制或做镜像",
        "网站简介 ｜ 诚聘英才 ｜ 刊例价格 ｜ 隐私条款 ｜ 联络编辑",
        "互联网新闻信息服务许可 皖字第{n}号",
        "违法不良信息举报电话 0559-{n}　举报邮箱 jubao@{host}",
    ],
    "icp": ["经营许可：皖B2-{n}", "公安联网备号{n}"],
    "source_tail": ["（稿件转引自{src}，文 / {author}，再转请一并署明）", "本稿原载{src}，本站编发时有改动。"],
    "pic_notes": ["（图片由受访单位提供）", "（此图转载自网友拍摄）", "▲ 往左拨，后面另有组图", "（资料照片 ｜ {author} 翻拍）"],
    "prose_captions": ["图为参观者在展板前驻足观看。", "图为技术人员正在调试设备。", "图为村民在新建的广场上休闲。",
                       "图为志愿者向过往行人发放宣传资料。"],
    "pagination": ["〈 前一篇　｜　栏目首页　｜　后一篇 〉", "首页 ｜ 上一页 ｜ 1 ｜ 2 ｜ 3 ｜ 末页"],
    "seo_keywords": ["高龄津贴申领渠道", "电瓶车挂牌网上预约", "新生儿参保登记办法", "失业补助金线上申请"],
    "seo_lines": ["{kw}办理全攻略，附流程图", "一文读懂：{kw}需要注意哪几点？", "{kw}（最新完整版）"],
    "spam_words": ["皇冠体育滚球盘口", "凤凰彩票代理招募", "幸运飞艇精准计划", "午夜福利视频专区", "网红主播裸聊室", "体彩足球必中内幕",
                   "同城寂寞少妇约见", "开元棋牌真金炸金花"],
    "spam_suffixes": ["首笔存款翻倍奉还", "日出千万秒到账"],
    "spam_sep": [" ◇ ", " ※ "],
    "spam_head_sep": ["◇", " ※ "],
    "cities": ["安徽祁门", "湖北巴东", "广西恭城", "河北滦南", "四川富顺", "贵州雷山", "安徽黟县", "四川南溪"],
    "forum_users": ["徽墨飘香", "清江放排人", "漓江竹筏", "滦河老船工", "沱江夜钓", "苗家阿妹", "sunflower_77", "老街坊2019"],
    "censor": ["拘捕", "冒充", "拖欠", "虚报", "私分", "哄抬", "伪造", "侵吞",
               "挥霍", "贩毒", "罪犯", "案犯", "骗局", "黑幕", "丑闻", "打假",
               "作案", "盗版", "摊派", "处分", "判刑", "腐化",
               "事故", "污染", "导弹", "破产", "弊端", "危害"],
    "keep": ["这一变化来之不易。", "“咱们的日子有盼头了。”", "说到底就一句话：", "类似情况过去并不少见。",
             "症结究竟在哪？", "“这件事必须办好！”", "一切要从三年前说起。", "下面这些数字值得一看：", "回答是肯定的。",
             "有人点赞，也有人担忧。"],
    "html": {"img": '<img class="v13-figure" data-src="{url}" data-v13="img">'},
    # forum chrome (Discuz / phpwind-like)
    "bbs": {
        "bar": "会员登陆 ｜ 免费注册 ｜ 找回密码 ｜ 版块导航",
        "crumb": "{site} 〉 论坛 〉 家长里短 〉 主题帖",
        "stat": "被点阅 {n} 次 ｜ 共 {m} 帖跟进",
        "copy": "[点此复制本帖链接]",
        "op": "楼主·首层",
        "posted": "本帖发表时刻 {date} {time}",
        "only": "仅看该作者",
        "edited": "本帖最后经 {user} 于 {date} {time} 重新编辑",
        "ustat": "声望值 {n} ｜ 发言数 {m} ｜ 加入本坛 {date}",
        "floor": "第{k}层",
        "acts": "引用 ｜ 支持 ｜ 反对 ｜ 投诉",
        "sig_rule": "－－－签名档－－－",
        "sig": "家住{city}，喜欢到处走走看看。",
        "replies": ["先马住，晚上回家慢慢看。", "我们那边也遇到过类似的事。", "多谢楼主，顺手顶起来！", "坐等进展，有消息请更新。",
                    "早该这么干了，点赞。", "二楼我的，瓜子备齐了。", "身边的事，一定要关注。", "谁了解内情？出来讲讲呗。"],
        "pager": "〈前页　1　2　3 … 7　后页〉",
        "quick": "快捷回复：文明上网，友善交流。",
        "powered": "Built on ForumCore 3.8.1 ｜ 触屏版 ｜ 禁言名单 ｜ 管理员邮箱",
    },
    # Hexo post
    "hx": {
        "cats": ["新闻备份", "地方剪报", "读报札记"],
        "quote": "原文链接已失效，此处为当时保存的全文副本。",
        "tail": "_本文仅为个人存档，如涉侵权请留言，我会及时处理。_",
        "prev": "← 较早一篇：",
        "next": "较新一篇 →：",
    },
    # HTML page extras
    "hp": {
        "skip": "略过导航栏",
        "font": "字体大小：超大　中号　偏小",
        "print": "〔打印全文〕〔关闭页面〕",
        "aside": "小编精选阅读",
        "rel": "下面几篇也值得一读",
        "copy": "版权标记 (C) {year} {site}：全站稿件受法律保护，转录须经书面同意",
    },
    # hijacked spam page
    "spam": {
        "hint": "点此进入直营大厅，首次登入领取试玩筹码",
        "foot": "请牢记本站最新网址，以免迷路",
    },
    # news-app dump
    "app": {
        "open": "去客户端看全文，图更清、字更大",
        "exp": "下文已收起 … 轻触继续读",
        "nomore": "· 已经到底了，没有新的内容 ·",
        "cmt": "说点什么吧　　跟评 {m}　　星标　　转发",
        "recs": "为你精心挑选的阅读",
    },
    # government information page
    "gov": {
        "head": "{city}政务服务与信息公开网",
        "font": "〔字号：大 中 小〕",
        "print": "【打印页面】【关闭窗口】【收藏本页】",
        "rel": "与本文有关的文件：",
        "org": "此网站的建设与运维由县政务公开办负责",
        "addr": "通讯地址：县政务服务大楼三层　邮政编码 245{k}00　值班电话：{tel}",
        "best": "本网站推荐使用1920×1080分辨率及以上浏览器访问",
    },
    # self-media account page
    "sm": {
        "acct": "{site}·身边号",
        "fans": "{n}位读者在追 ｜ 收到点赞{m}万",
        "follow_btn": "＋ 加关注",
        "read": "累计打开 {n}",
        "report": "内容有误点此反馈　少推此类　拉黑此号",
        "more": "该作者的其他文章",
        "stmt": "本内容由作者发布，平台仅提供信息存储空间服务，观点不代表平台立场。",
    },
    # search-result page saved as text (new shape)
    "serp": {
        "wtitle": "{q}_知寻搜索",
        "engine": "知寻搜索 ZhiXun",
        "btn": "知寻一下",
        "tabs": "综合　资讯　视频　图片　地图　问答　更多▼",
        "count": "知寻为您找到相关结果约{n}个",
        "card": "阅读卡片 · 已为您展开原文",
        "fold": "收起原文 ︿",
        "snap": "知寻存档",
        "also": "大家还在搜",
        "queries": ["今日新闻头条最新消息", "本地要闻汇总", "惠民政策逐条讲解", "新闻联播今天内容", "近期社会热点事件",
                    "新闻评论范文", "时事热点素材摘抄", "作文素材新闻事例"],
        "pager": "1　2　3　4　5　6　7　8　9　10　下页 〉",
        "foot": "设知寻为首页 ｜ 知寻使用帮助 ｜ 意见反馈 ｜ 知寻搜索声明",
    },
    # WARC web-archive record (new shape)
    "warc": {
        "software": "wpull/2.0.3 (py3; county-media-mirror)",
        "operator": "县市媒体网页留存计划·抓取小组",
        "desc": "县市媒体站点周期抓取 第{k}轮",
        "cookie": "ZXSESSID",
        "rel": "还有这些同类稿件",
    },
    # wiki talk page (new shape)
    "wiki": {
        "page": "讨论:县市报道来源存档/{year}-{k}号",
        "notice": ["这里是“县市报道来源存档”的讨论页，供编者商量如何改进该页。",
                   "请在讨论末尾签名，新的话题请加在页面最下方，并保持礼貌与善意。"],
        "archive": "存档：第一批 ｜ 第二批 ｜ 第三批",
        "toc": "本页话题一览",
        "h1": "关于来源可靠性",
        "h2": "补充来源：报道全文",
        "comments": ["这批来源里有几家转载站，建议换成原始出处。", "几条引用的链接已经失效，有空的编者帮忙补存档。"],
        "replies": ["同意，已经替换了两条。", "原站已关闭，只能用存档版本了。", "这篇可以作为次级来源使用。",
                    "建议再找一篇当地报纸的报道互相印证。", "已核对，和条目里的说法一致。"],
        "lead": "原链接打不开了，我把当时保存的报道全文贴在这里备查：",
        "counter": "另一家媒体的说法不太一样，摘一段：",
        "sig": " ——编者{user}（对话页） {date_cn}（{o}） {time} (UTC+0)",
        "wd": ["一", "二", "三", "四", "五", "六", "日"],
        "edited": "此页于{date_cn} {time}由编者最近一次改动。",
        "license": "本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。",
        "links": "隐私政策 ｜ 关于本站 ｜ 免责声明 ｜ 行为准则 ｜ 开发者 ｜ 手机版视图",
    },
    # originality-check report (new shape)
    "dup": {
        "name": "文章原创度检测报告（简明版）",
        "no": "报告编号：YC{n}",
        "when": "检测时间：",
        "doc": "检测文档：",
        "chars": "检测字数：{n}字",
        "total": "总体相似比：{o}　原创指数：{s}",
        "full": "【全文对照】",
        "para": "〔第{k}段 ｜ 相似比 {o}〕",
        "para_src": "〔第{k}段 ｜ 相似比 {o} ｜ 疑似出处：{t}〕",
        "table": "【相似来源列表】 序号　标题　来源　相似比",
        "frag": "【相似片段对照】",
        "warn": "本报告由系统自动生成，检测结果仅供参考，不作为任何侵权认定依据。",
        "foot": "原创宝检测系统 V6.2 ｜ 客服邮箱 kefu@yuanchuangbao.cn",
    },
    "tw": {
        "app": "縱谷大小新聞一手掌握，{site}新版程式現已上架",
        "line": "歡迎把{site}設為LINE好友，每晚九點送上重點新聞",
        "copy": "本網站所有內容均受著作權保護，未經同意請勿轉載、改作或公開傳輸。",
    },
    "hk": {
        "app": "屋苑街坊大小事即時推送，記得安裝{site}程式並開通提示",
        "copy": "本網站內容版權屬本報所有，不得擅自轉載、複製或作其他用途。",
    },
}
