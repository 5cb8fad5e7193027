"""Noise strings of the clean held-out v9 pages (issue 8), written 2026-11-24 by the session-12 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. The strings
imitate pages as the writer knows them (news apps showing hot comments above the text,
Chinese-English bilingual sites, exported group-chat histories, forwarded e-mails, news-app API
responses saved as JSON, stock-forum posts, corrected articles with a revision history, AI
assistant conversations, online documents exported to Markdown with review comments, local
yearbook databases, accessible / elder-mode government pages; Taiwan and Hong Kong sites),
written without reading the cleaner's rules or any held-out page. ``make.py --check`` asserts
that no string equals or contains (>= 4 chars) a string of the earlier pools and prints only
the count.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {board} {ip} {city} {url} {o} {s}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout9",
    "sites": [
        ("湘西融媒眼", "www.xiangxirmy.com"),
        ("黔东南播报", "www.qdnbobao.cn"),
        ("桂北视窗网", "www.guibeisc.net"),
        ("豫南快讯台", "www.yunankxt.com.cn"),
        ("冀东观察家", "www.jidonggcj.com"),
        ("浙西聚焦网", "www.zhexijj.cn"),
    ],
    "sites_tw": [("中台灣晨報", "www.midtw-morning.com.tw"), ("澎湖島嶼報", "www.penghu-isle.tw")],
    "sites_hk": [("九龍日訊", "www.kowloon-daily.com.hk"), ("香江觀點網", "www.hkview-net.hk")],
    "home": ["回到首屏", "全站导航"],
    "sections": ["本埠新闻", "百姓身边事", "产经动态", "山水游踪", "学苑风采", "康养课堂", "田野新风", "政法纵横",
                 "数字生活", "天下大观", "政令速递", "视觉影像"],
    "sections_tw": ["地方快訊", "理財生活", "兩岸視角"],
    "sections_hk": ["港島速報", "大灣區動態", "樓市財經"],
    "nav_extra": ["掌上读报", "爆料通道"],
    "crumb_prefix": ["栏目路径▸", "本文位于："],
    "crumb_sep": [" ＞ ", " ▸ "],
    "crumb_tail": ["全文页面"],
    "meta": ["稿源▸{src}　{date} {time}　签发▸{author}", "{src}｜{date_cn} {time}｜阅读量{n}"],
    "sources": ["怀化日报", "永州日报", "桂林晚报", "信阳日报", "承德日报", "衢州晚报", "邵阳日报", "百色早报"],
    "authors": ["覃海燕", "龙建军", "欧阳敏", "潘志刚", "石春花", "宋立新"],
    "byline_roles": ["撰稿 ▏{author}", "统筹 ▏{author}", "校对 ▏{author}"],
    "share": ["分享给好友 · 发送到群 · 复制本页地址 · 生成长图"],
    "follow": ["{site}客户端里还有更多身边新鲜事。"],
    "tag_labels": ["话题串联 #"],
    "tags": ["一刻钟生活圈", "家门口就业", "背街小店", "便民服务圈", "社区食堂", "绿色出行"],
    "related_heads": ["读过这篇的人还在读", "编辑为你挑选"],
    "footers": [
        "{site}主办并保留全部权利，未经书面许可不得建立镜像",
        "关于本站 ｜ 商务联系 ｜ 纠错投稿 ｜ 用户协议",
        "网上新闻资质证书号：4312{n}",
        "不良内容受理信箱 jb-service@{host}",
    ],
    "icp": ["ICP许可 湘B2-{n}", "网络安全备案号 5226{n}"],
    "source_tail": ["（此稿首发{src}　文/{author}）", "稿件出自{src}客户端，转发请注明出处。"],
    "pic_notes": ["（本版配图由受访者提供）", "（摄影 ▏{author}）", "（示意图片，与本文内容无关）"],
    "pagination": ["« 前一篇 ｜ 回到栏目 ｜ 后一篇 »"],
    "seo_keywords": ["二手房过户流程", "社保卡补办网上办理", "驾照到期换证体检", "电动车上牌预约"],
    "seo_lines": ["{kw}最新规定{year}", "{kw}要带哪些证件"],
    "spam_words": ["银河娱乐开户送彩金", "威尼斯人电子游艺", "快三大小单双", "成人午夜直播间", "深夜陪聊一对一", "牛牛游戏上分"],
    "spam_suffixes": ["首存加赠58"],
    "spam_sep": [" ※ "],
    "spam_head_sep": [" ※ "],
    "cities": ["湖南冷水江", "贵州兴义", "广西百色", "河南驻马店", "河北承德", "浙江丽水", "湖南娄底", "广西河池"],
    "forum_users": ["山那边的云", "小王同学99", "lucky_zhou", "老陈喝茶", "不吃香菜的猫", "江边钓鱼翁", "躺平青年007", "清风不识字x"],
    "censor": ["猥亵", "失联", "行凶", "砍伤", "敲诈", "勒索", "碰瓷", "群殴", "溺水", "坠亡", "刺死", "涉黑",
               "砸伤", "闹事", "撕扯", "血迹", "凶器", "枪击", "打架", "致死", "施暴", "弹药", "伤人", "打人", "砍杀", "凶杀", "暴徒", "歹徒", "人贩子", "拐卖", "偷盗", "窃贼", "盗窃", "撞倒", "碾压", "横尸"],
    "keep": ["记者随后联系了相关部门。", "“这事我们管到底。”", "具体有哪些变化？请看以下几点：", "时间回到几个月前。",
             "这并不是第一次。", "对此，当地居民说法不一。"],
    "html": {"img": '<img class="zw-pic" src="{url}" data-role="figure" loading="eager">'},
    # news app page with the hot comments above the article
    "cf": {
        "bar": "{site} · 打开客户端看更多",
        "hot": "🔥 热门跟评（置顶显示）",
        "cmts": ["这件事终于有了说法，希望相关部门能一直盯到底。",
                 "我就住在附近，情况跟报道里说的差不多。",
                 "先看评论再看新闻，已经成了我的习惯。",
                 "建议记者过段时间再去回访一下，看看有没有落实。",
                 "说得轻巧，真正执行起来哪有那么容易。"],
        "like": "回复 · 赞同 {k}{k}",
        "all": "共{n}条跟评，点此展开 ›",
        "orig": "▼ 以下是新闻全文",
        "stmt": "本平台仅提供信息存储服务，文中内容不代表本平台观点，如有异议请联系删除。",
        "flash": "【眼下热点】",
    },
    # Chinese-English bilingual site (HTML)
    "bi": {
        "tsuf": " - {site} Bilingual",
        "switch": "中文 ｜ 英文版 ｜ 中英对读",
        "nav": "Home · China · World · Business · Culture · Opinion",
        "note": ["Editor's note: A translated version of this report is being prepared by our language desk and will be posted later today.",
                 "Note to readers: This report is currently published in Chinese only. We apologise for any inconvenience."],
        "gloss_head": "重点词汇 Key Words",
        "gloss": ["基础设施 infrastructure", "民生 people's livelihood", "监管 supervision", "试点 pilot program",
                  "就业 employment", "补贴 subsidy", "消费者 consumer"],
        "more_en": "Top Stories on Our Global Edition",
        "en_titles": ["City unveils new plan to ease traffic at rush hour", "Farmers turn to online sales as harvest season begins",
                      "Local museum reopens after two-year renovation", "Volunteers help elderly residents learn to use smartphones"],
        "more_zh": "双语阅读推荐",
        "copy": "All rights reserved. No part of this website may be reproduced without written permission.",
    },
    # exported group-chat history
    "chat": {
        "head": "群聊「{board}」的聊天记录",
        "groups": ["三单元业主交流群", "老同学相亲相爱一家人", "社区志愿者服务队"],
        "range": "导出范围：{date} 全天　导出设备：手机端",
        "open": ["提醒一下，这两天降温了，大家记得添衣服。", "通知一下，明天上午小区停水两小时。"],
        "intro": ["转一篇今天看到的报道，大家有空可以看看。", "这篇文章挺有意思的，我直接把全文贴过来了。"],
        "react": ["看完了，说得挺实在的。", "这个我们单位上周也开会讲过。", "收到，谢谢分享。",
                  "字太多了，晚上回家再仔细看。", "有没有人知道后续怎么样了？"],
        "recall": "“{user}”撤回了一条消息",
        "more": ["再补充一条今天的新闻：", "顺便再贴一条快讯："],
        "end": "—— 以上为导出的全部聊天记录 ——",
    },
    # forwarded e-mail
    "mail": {
        "from": "发件人(From)：{o}",
        "to": "收件人(To)：全体同事",
        "time": "发出时间(Sent)：{o}",
        "subj": "主题(Subject)：{o}{t}",
        "fw": "Fwd：",
        "hi": "各位同事：",
        "note": ["转发一篇报道供大家参考，其中提到的做法与我们下季度的工作安排有关，请抽空阅读。",
                 "下面这篇文章是今早在部门例会上提到的，请大家会后认真看一下，有想法可以直接回复我。"],
        "bye": "谢谢！",
        "dept": "{site}综合管理部　　分机 {k}{k}0{k}",
        "tel": "分机外线 {tel}",
        "sep": "-------------------- 原始邮件 --------------------",
        "also": "另附一则相关简讯，供参考：",
        "conf": "此邮件及其附件可能包含保密信息，仅供指定收件人使用；如果您误收了此邮件，请立即通知发件人并删除，谢谢合作。",
        "mobile": "——从我的平板电脑发送",
    },
    # news-app API response saved as JSON
    "api": {
        "msg": "请求成功",
        "share": "我在{site}看到一篇好文章，分享给你",
        "notice": "本文由合作方提供，如有疑问请在应用内反馈",
    },
    # stock forum post
    "stock": {
        "bar": "{site}股吧 › {o}吧 › 帖子正文",
        "stocks": [("华岳精工", "600917"), ("南江生物", "300688"), ("瑞达港务", "002935"), ("川渝新材", "688352")],
        "turn": "成交额{n}万",
        "tabs": "讨论区　资讯　公告　研报　问董秘",
        "poster": "股友{n}　影响力★★★☆☆　发帖于 {date} {time}（{city}）",
        "risk": "风险提示：帖子内容仅代表发帖人个人看法，不构成任何买卖建议，投资者据此操作，风险自担。",
        "acts": "赞{m}　转{k}　评{m}　☆收藏本帖",
        "rhead": "网友跟帖共{m}条　热度优先 ｜ 时间优先",
        "ruser": "股友{k}{n}（{city}）",
        "replies": ["这条消息对{o}到底算利好还是利空？", "{o}今天又缩量了，明天再看看。", "楼主分析得有道理，先关注了。",
                    "割肉出来了，{o}等回调再说。"],
        "rbar": "回复 · 点赞 {m}",
        "hot": "本吧热帖",
    },
    # corrected article with a revision history
    "rev": {
        "upd": "最近修订：{o}（本文已更新{k}次）",
        "corr": ["更正声明：本文首发时将一处统计数据的单位写错，现已改正，特向读者致歉。",
                 "更正说明：此前版本中一位受访者的职务表述有误，已于今日修改，特此说明。"],
        "report": "如发现本文存在事实差错或错别字，欢迎点击页面右侧的“报错”按钮告诉我们。",
        "hist": "修订记录",
        "items": ["首次发布", "更正一处数字", "补充了相关部门的回应", "修改标题中的错别字"],
    },
    # AI assistant conversation export
    "ai": {
        "app": "{site}智能助手 · 网页版",
        "conv": ["新对话 · 新闻要点整理", "会话 · 帮我看看这篇报道"],
        "me": "【我】",
        "ask": ["请帮我把下面这篇新闻概括成三点，我要在周会上讲。", "下面这篇报道帮我提炼一下重点，语言尽量简洁。"],
        "bot": "【{site}助手】",
        "ok": "好的，这篇报道的主要内容可以概括为以下几点：",
        "offer": ["如果需要更口语化的版本，或者想把字数控制在一百字以内，可以随时告诉我。",
                  "需要的话，我还可以帮你把这些要点整理成一段开场白。"],
        "btns": "复制 ｜ 重新生成 ｜ 有帮助 ｜ 没帮助",
        "ask2": "再看看这一条，和上面那篇说的是不是同一件事？",
        "ans2": ["这两条说的并不是同一件事，内容关联不大，建议在汇报时分开介绍。",
                 "这是另一则独立的报道，和前一篇没有直接联系，可以单独引用。"],
        "disc": "以上内容均由人工智能模型生成，可能存在错误或遗漏，请注意核实。",
    },
    # online document exported to Markdown
    "doc": {
        "fm_owner": "owner: {author}",
        "fm_time": "updated: {date} {time}",
        "fm_tool": "exported_by: 云文档导出助手",
        "info": "> 所有者 {author} · 最近一次编辑于 {date_cn} · 全文约{n}字",
        "cmt": "> 💬 {user}：{s}",
        "cmts": ["这里的数字需要再和原稿核对一遍。", "这一段建议放到前面，读起来更顺。", "标题能不能再短一点？",
                 "引用的说法请补上出处。", "这部分写得很清楚，不用改。"],
        "appendix": "## 附：参考材料（不对外）",
        "export": "*本文档导出自{site}云文档，导出时间 {date} {time}*",
    },
    # yearbook / local chronicle database entry
    "yb": {
        "brand": "{city}地情资料库",
        "menu": "年鉴导航　志书浏览　高级检索　使用帮助",
        "path": "{city}年鉴（{year}卷） ＞ {board} ＞ 条目",
        "cats": ["卷三·经济综述", "卷五·社会民生", "卷七·城乡面貌", "卷九·公共服务"],
        "meta": "条目编号 NJ{year}-{n}　所在页码 第{m}页　收录字数 {k}{m}0",
        "writer": "（条目撰写 {o}／审定 {author}）",
        "cite": "引用本条目：{city}年鉴编纂委员会. {city}年鉴[M]. 北京：方志出版社.",
        "prev": "上一条目：",
        "next": "下一条目：",
        "note": "本库所收资料仅供查阅研究使用，如需出版或商业使用，须经编纂机构书面授权。",
    },
    # accessible / elder-mode government or news page
    "a11y": {
        "bar": "辅助浏览工具 ｜ 声音开关 ｜ 语速调节 ｜ 阅读方式 ｜ 配色 ｜ 放大 ｜ 缩小 ｜ 光标 ｜ 十字线 ｜ 大字幕 ｜ 重置 ｜ 退出服务",
        "elder": "已开启关怀版　切回普通版",
        "player": "▶ 听全文　00:00 / {o}　语速 1.0x",
        "tts": "本文语音由智能合成技术生成，可能存在个别读音不准确的情况，请以文字内容为准。",
        "next": "即将为您朗读下一篇：",
        "help": "按 Shift+问号 可调出快捷键一览，按 Alt+数字键 可快速跳转到对应栏目。",
    },
    # Traditional sites
    "tw": {
        "app": "手機加裝{site}App，重點新聞即時推播給你",
        "line": "{site}LINE官方帳號已開通，每天精選好文送到手機",
        "copy": "本網站所有內容均受著作權保護，未經授權請勿轉載或改作。",
    },
    "hk": {
        "app": "{site}流動應用程式現已上架，即時收到新聞推送",
        "copy": "本網站內容只供參考，不構成任何意見；未經書面同意，不得複製或轉貼。",
    },
}
