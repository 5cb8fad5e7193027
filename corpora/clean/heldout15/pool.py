"""Noise strings of the clean held-out v15 pages (issue 8), written 2026-11-25 by the session-18 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. Two thirds of
the pages carry the issue's CORE kinds of noise with new strings (news portals, a forum thread,
Jekyll posts with YAML front matter, HTML pages with entities, images and centred captions,
hijacked spam pages, news-app dumps, a court's open-information page, a procuratorate /
self-media account page); the rest are four page shapes no earlier set has (a WordPress WXR
export, a reStructuredText post source, an Org-mode web clip, a raw MIME e-mail newsletter).
Written without reading the cleaner's rules or any held-out or dev page. ``make.py --check``
asserts that no string equals or contains (>= 4 chars) a string of the earlier pools (held-out
v14's included) and that no string of >= 4 chars occurs on a dev page or seed, and prints only
the counts.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).
``prose_captions`` are picture captions that are sentences describing the picture (图为…):
inserted into the article of HTML / XML pages, gold keeps them (corpora/clean/README.md,
caption rule).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {ip} {city} {url}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout15",
    "sites": [
        ("湘西酉水资讯", "www.xiangxiyoushui.com"),
        ("皖南新安江播报", "www.wannanxinanjiang.cn"),
        ("滇东南普者黑新闻", "www.diandongnanpzh.net"),
        ("冀北坝上观察", "www.jibeibashang.com"),
        ("桂西右江日报网", "www.guixiyoujiang.com.cn"),
        ("晋中汾河湾在线", "www.jinzhongfenhewan.cn"),
    ],
    "sites_tw": [("花東縱谷報", "www.hwadung-gorge.tw"), ("澎湖灣潮聲網", "www.penghu-tide.tw")],
    "sites_hk": [("元朗墟街坊報", "www.yuenlong-fair.com.hk"), ("荃灣河背通訊", "www.tsuenwan-riverside.hk")],
    "home": ["酉水资讯主页", "返回网站大门"],
    "sections": ["酉水人家", "新安江畔", "喀斯特观察", "坝上风物", "右江两岸", "汾河湾头", "法槌声声", "维权进行时",
                 "街坊议事厅", "招考直通车", "田间课堂", "检察开放日"],
    "sections_tw": ["縱谷生活誌", "離島漁事", "消費停看聽"],
    "sections_hk": ["屋邨瑣聞", "跨境來回", "小店求生記"],
    "nav_extra": ["翻阅电子报版面", "记者热线墙"],
    "crumb_prefix": ["目下所处：", "栏目方位 → "],
    "crumb_sep": [" → ", " ＞ "],
    "crumb_tail": ["本篇内容页"],
    "meta": ["稿件时间 {date} {time} ／ 出自 {src} ／ 已被阅读 {n}",
             "∥{date_cn} {time}∥供稿媒体·{src}∥翻阅{n}次∥",
             "{src} ／ 编发于 {date} {time} ／ 核稿 {author} ／ 围观{n}"],
    "sources": ["酉水晚报", "新安江商报", "普者黑周刊", "坝上时报", "右江早报", "汾河湾晨刊", "吉首都市报", "屯溪快讯"],
    "authors": ["欧阳桂芬", "隋建军", "栾秀英", "冼伟明", "皇甫丽娟", "佘志刚"],
    "byline_roles": ["文字 ／ {author}", "复核 ／ {author}", "当班主编 ／ {author}"],
    "share": ["转给微信好友 ／ 分享到空间 ／ 复制本文链接", "放进稍后读　标记重要　长按生成海报"],
    "follow": ["遇到烦心事？拨打{site}帮办热线，记者帮您跑一趟。",
               "长按识别文末二维码，每天清早七点准时收到本地早班车。"],
    "tag_labels": ["这篇文章的关键字：", "话题索引 → "],
    "tags": ["预付卡退费", "直播带货售后", "网约车车费争议", "快递丢件赔偿", "校外培训退费", "二手车过户", "物业维修基金", "农资打假"],
    "related_heads": ["同类稿件推荐", "编辑为你多选了几篇"],
    "rank_heads": ["昼夜点读榜", "本周最受关注稿件"],
    "more": ["完整榜单请移步排行频道", "往下再刷十篇 ↓"],
    "closers": [
        "酉水资讯小编就帮您捋到这儿，事情有新动静我们再说。",
        "今天这篇就写到这里，转给用得上的亲朋好友吧。",
        "这件事大伙儿怎么看？评论区等您来唠唠。",
    ],
    "disclaimers": ["友情提示：本文所述仅供参阅，办事请以窗口单位最新告知为准。",
                    "权利说明：本站所转合作平台稿件，著作权仍属原发单位，仅作信息分享之用。"],
    "footers": [
        "{site}自2012年起开办，站内自采稿件保留所有权益 ／ 拒绝机器批量抓取",
        "网站简介 ／ 加盟合作 ／ 刊登广告 ／ 用户协议 ／ 致信总编",
        "湘网新备{n}号 ／ 县级稿源",
        "不良内容投诉专线 0743-{n}　投诉邮箱 tousu@{host}",
    ],
    "icp": ["电信与信息服务业务经营许可证：湘B2-{n}", "公安机关联网备案编号{n}"],
    "source_tail": ["（此稿最先见于{src}；撰文{author}；转发务请写明出处）", "这篇稿子最早刊在{src}，转到这里时做了压缩。"],
    "pic_notes": ["（通讯员 供图）", "（读者拍客投稿，已获使用许可）", "← 向左滑动屏幕查看组图 →", "（资料翻拍 ／ 摄影：{author}）"],
    "prose_captions": ["图为工作人员在现场向群众了解有关情况。", "图为当天活动现场，不少市民驻足观看。",
                       "图为相关人员在办公室内查阅材料。", "图为事发地点附近的街道，车辆正常通行。"],
    "pagination": ["〈 往前翻一篇 ／ 回栏目列表 ／ 往后翻一篇 〉", "头页 ／ 上一屏 ／ 1 ／ 2 ／ 3 ／ 4 ／ 末屏"],
    "seo_keywords": ["新生儿医保参保登记入口", "退役军人优待证申领流程", "电动车临时号牌延期办理", "个人所得税专项附加扣除填报"],
    "seo_lines": ["{kw}一张表格全讲明白", "{kw}：二十个高频问题一次答完", "{kw}最新指南来了"],
    "spam_words": ["葡京线上娱乐城", "银河娱乐棋牌大厅", "幸运飞艇精准人工计划", "子夜私密福利直播", "同城少妇上门陪玩", "世界杯投注稳胆推荐",
                   "真人荷官在线发牌", "电子老虎机爆分技巧"],
    "spam_suffixes": ["开户礼金当日到", "提现秒到账"],
    "spam_sep": [" ★ ", " ◇ "],
    "spam_head_sep": ["★", " ◇ "],
    "cities": ["湖南龙山", "安徽歙县", "云南丘北", "河北沽源", "广西田阳", "山西介休", "湖南保靖", "安徽休宁"],
    "forum_users": ["酉水船工", "徽州老屋檐", "普者黑荷花", "坝上骑马哥", "右江芒果妹", "汾酒老炮", "river_moss77", "小区业委会老周"],
    "censor": ["砍刀", "透支", "盗伐", "虚开", "拘禁", "窃电", "传唤", "投案", "抽头", "非法行医", "套牌", "电死", "窒息",
               "轻微伤", "骨折", "狱友", "烧毁", "火情", "渔利", "电网", "赌场", "谅解书", "火药枪", "信用卡", "高坠", "会金",
               "油锯", "抢救", "充场", "二房东", "滞销", "监狱", "巡视组", "酒后", "坍塌事故"],
    "keep": ["这笔账其实不难算。", "“钱总算要回来了。”", "说来说去还是那句话：", "类似的情形并不少见。",
             "问题究竟卡在哪儿？", "“我们绝不能半途而废！”", "事情要从头讲起。", "请看下面几个数字：", "答案是否定的。",
             "赞同者有之，忧虑者亦有之。"],
    "html": {"img": '<img class="figure-v15" src="{url}" decoding="async" data-kind="story-photo">'},
    # forum chrome (a phpwind-like community)
    "bbs": {
        "bar": "请登录 ／ 免费注册 ／ 找回口令 ／ 版块导航",
        "crumb": "{site} → 乡亲论坛 → 身边事儿 → 阅读主题",
        "stat": "被看 {n} ／ 跟帖 {m}",
        "copy": "[本帖网址一键复制]",
        "op": "主楼·楼主",
        "posted": "留言时刻 ／ {date} {time}",
        "only": "仅看楼主",
        "edited": "此主题经 {user} 在 {date} {time} 重排",
        "ustat": "积分 {n} ／ 帖数 {m} ／ 入坛时间 {date}",
        "floor": "第{k}楼",
        "acts": "引用 ／ 支持 ／ 反对 ／ 向版主举报",
        "sig_rule": "～～～～～签名档～～～～～",
        "sig": "家在{city}，周末爱钓鱼。",
        "replies": ["先马住，晚上再看。", "我们镇上也碰到过这种事。", "感谢楼主搬运，顶上去！", "蹲更新，楼主千万别断更啊。",
                    "这回总算有个说法了。", "板凳已就位，楼下继续。", "这种事还是要多长个心眼。", "有没有本地的朋友说说？"],
        "pager": "〈 前页　1　2　3 … 7　后页 〉",
        "quick": "快捷回复：文明发言，请勿灌水。",
        "powered": "Built with CommunityKit 9.1 ／ 触屏版 ／ 禁言名单 ／ 联系站务",
    },
    # Jekyll post source
    "jk": {
        "layout": "post-archive",
        "cats": ["剪报箱", "县域新闻摘抄", "旧闻收纳"],
        "quote": "原链接已失效，以下是当时复制保存的全文。",
        "tail": "*仅作个人资料留存，权利人如有异议请留言告知。*",
        "prev": "← 较早的存档：",
        "next": "较新的存档 →：",
        "excerpt": "一篇转存的地方稿件。",
        "author": "archive-bot",
    },
    # HTML page extras
    "hp": {
        "skip": "跳过导航看正文",
        "font": "调整字号：大号　中号　小号",
        "print": "〔打印此页〕〔关闭窗口〕",
        "aside": "主编精选",
        "rel": "顺着往下读",
        "copy": "本站刊发内容 © {year} {site}：书面许可之外一律不得转载、摘编、镜像",
    },
    # hijacked spam page
    "spam": {
        "hint": "立即进入线上大厅，首次登录即送体验彩金",
        "foot": "本站已启用备用新网址，请牢记并收藏",
    },
    # news-app dump
    "app": {
        "open": "用客户端打开本篇，图片不糊、加载更快",
        "exp": "剩余全文已收起 ↓ 轻触展开",
        "nomore": "—— 已经到底啦 ——",
        "cmt": "写评论　　{m}条讨论　　收藏　　转发",
        "recs": "猜你还爱看",
    },
    # a court's open-information page (gov kind)
    "court": {
        "head": "{city}人民法院司法公开网",
        "nav": ["本院简介", "流程节点查询", "庭审视频回看", "文书检索", "执行曝光台", "网上立案入口"],
        "font": "〔文字尺寸：加大｜还原｜减小〕",
        "case": "案号：（{year}）{city}刑初{n}号",
        "kind": "审理程序：第一审　文书种类：刑事判决",
        "print": "〔打印这篇〕〔关掉页面〕〔回到页首〕",
        "rel": "相关文书：",
        "org": "本院信息技术科维护　院办综合科把关",
        "addr": "法院地址：城关镇人民路{k}号　诉讼服务热线：{tel}",
        "best": "推荐使用1366×768以上分辨率浏览本网站",
        "note": "当事人信息已依法作隐名处理。",
    },
    # self-media / procuratorate account page
    "sm": {
        "acct": "{site}·检察在线",
        "fans": "{n}位粉丝 ／ 获赞{m}万次",
        "follow_btn": "＋ 订阅本号",
        "read": "{n}位读者看过",
        "report": "投诉本文　少推这类　拉黑作者",
        "more": "本号更多文章",
        "stmt": "本文仅代表作者本人观点，平台仅提供信息存储空间服务。",
    },
    # WordPress WXR export (new shape)
    "wxr": {
        "blog_title": "县城记事簿",
        "blog_desc": "一个普通人的本地新闻收藏夹",
        "cat": "本地转载",
        "tag": "存档",
        "comments": ["这篇当时看过，没想到还能找到。", "博主收藏得真全，谢谢。", "请问原文出处还能打开吗？"],
        "excerpt": "转载存档。",
        "menu_items": ["回到起点", "文章归档", "站长自述", "留言小本子"],
    },
    # reStructuredText post source (Pelican-like, new shape)
    "rst": {
        "cats": ["县域报道存底", "读报摘记"],
        "summary": "从网上转存的一篇报道。",
        "note_head": ".. note::",
        "note": "本文为转存备份，原网页可能已经删除。",
        "src_label": "转存出处",
        "tail": "（存档完）",
        "slug_prefix": "archive",
    },
    # Org-mode web clip (new shape)
    "org": {
        "tags": [":剪藏:", ":待整理:", ":县城见闻:"],
        "todo": "TODO 周五前整理进知识库",
        "captured": "捕获于",
        "src": "来源网址",
        "note": "- 备注：这篇写周报时可以引用一下。",
        "end": "# 剪藏结束",
    },
    # raw MIME e-mail newsletter (new shape)
    "eml": {
        "from_name": "法治周报订阅服务",
        "subject_prefix": "【每周一案】",
        "list": "weekly-case",
        "intro": "亲爱的订阅用户，您好！本期为您推送一则典型案例。",
        "outro": "感谢您的订阅。如不希望继续收到本邮件，请点击下方退订链接。",
        "unsub": "退订本刊",
        "addr": "本邮件由系统自动发送，请勿直接回复。",
    },
    "tw": {
        "app": "縱谷在地大小事一手掌握，{site}新版應用程式現已上架",
        "line": "把{site}設為LINE好友，每晚九點推送當日重點新聞",
        "copy": "本站所有內容均受著作權保護，未經同意請勿轉載、重製或改作。",
    },
    "hk": {
        "app": "元朗街坊新鮮事第一時間送到，{site}程式免費安裝",
        "copy": "本網頁內容版權為本報所有，未經書面許可不得轉載或複製。",
    },
}
