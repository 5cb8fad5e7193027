"""Noise strings of the clean held-out v14 pages (issue 8), written 2026-11-25 by the session-17 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. Two thirds of
the pages carry the issue's CORE kinds of noise with new strings (news portals, a forum thread,
Hugo posts with YAML front matter, HTML pages with entities, images and centred captions,
hijacked spam pages, news-app dumps, government information pages, self-media accounts); the
rest are four page shapes no earlier set has (a news-agency NITF XML wire item, a forum post
exported as BBCode source, an Evernote/ENEX web-clip export, a school-exam reading-comprehension
page built on the report). Written without reading the cleaner's rules or any held-out or dev
page. ``make.py --check`` asserts that no string equals or contains (>= 4 chars) a string of the
earlier pools (held-out v13's included) and that no string of >= 4 chars occurs on a dev page or
seed, and prints only the counts.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).
``prose_captions`` are picture captions that are sentences describing the picture (图为…):
inserted into the article of HTML / XML pages, gold keeps them (corpora/clean/README.md,
caption rule).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {ip} {city} {url} {o} {s} {q} {a} {b}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout14",
    "sites": [
        ("辽西大凌河网", "www.liaoxidalinghe.com"),
        ("陇东泾川视窗", "www.longdongjingchuan.cn"),
        ("琼北椰风报道", "www.qiongbeiyefeng.net"),
        ("赣南章贡在线", "www.gannanzhanggong.com"),
        ("蒙东科尔沁快报", "www.mengdongkeerqin.cn"),
        ("鲁北黄河口新闻台", "www.lubeihuanghekou.com.cn"),
    ],
    "sites_tw": [("蘭陽平原日報", "www.lanyang-plain.com.tw"), ("恆春半島快訊", "www.hengchun-cape.tw")],
    "sites_hk": [("西貢海濱通訊", "www.saikung-shore.com.hk"), ("大埔墟週刊", "www.tpmkt-weekly.hk")],
    "home": ["凌河网起点", "回到本站门面"],
    "sections": ["凌河晨钟", "泾川烟火", "椰岛渔讯", "章贡两江", "草原牧歌", "河口湿地", "菜篮子账本", "校门口的事",
                 "病房手记", "自驾路线图", "庭审纪实", "厂区新动态"],
    "sections_tw": ["蘭陽小日子", "理財撇步", "海外僑訊"],
    "sections_hk": ["街市物價", "過關消費", "樓市追擊"],
    "nav_extra": ["订阅电子版", "民声留言板"],
    "crumb_prefix": ["阁下所在：", "位置导引："],
    "crumb_sep": [" ⇒ ", " ∷ "],
    "crumb_tail": ["稿件全貌"],
    "meta": ["刊于 {date} {time} ∣ 出处 {src} ∣ 阅读人次 {n}",
             "《{date_cn} {time} 上线》《稿源：{src}》《{n}人次浏览》",
             "{src} ∣ 推送时间 {date} {time} ∣ 审校 {author} ∣ 热度{n}"],
    "sources": ["凌河晨报", "泾川日报", "琼北商讯", "章贡晚刊", "科尔沁周报", "黄河口导报", "锦州都市报", "平凉时讯"],
    "authors": ["阎春燕", "柯振华", "滕玉梅", "卞国栋", "司马晓光", "尉迟红"],
    "byline_roles": ["采写 ∣ {author}", "终审 ∣ {author}", "值班编审人 ∣ {author}"],
    "share": ["发给好友 ∣ 发到朋友圈 ∣ 生成二维码", "存进收藏夹　设为星标　一键成图"],
    "follow": ["身边有新闻？请拨打{site}报料电话，线索一经采用即付酬金。",
               "扫一扫页面底部二维码，每晚八点把当天要闻送到您手机上。"],
    "tag_labels": ["本篇贴的标签：", "话题归类 ⇒ "],
    "tags": ["老旧小区加梯", "幸福食堂", "寄递下乡", "普惠育儿", "家医签约续约", "屋顶分布式光伏", "零工驿站", "公办学位"],
    "related_heads": ["读过此文的人也看了", "兴许你还想读"],
    "rank_heads": ["近七日点击榜", "全网热度总榜单"],
    "more": ["查看完整排名请点击", "再载入十条热门稿 ⇓"],
    "closers": [
        "凌河网小编就为您梳理到这里，后续进展我们接着报。",
        "本期内容就先聊到这里，觉得有用就顺手转给身边的人吧。",
        "今天就跟大家唠到这儿，您有什么看法欢迎留言告诉我们。",
    ],
    "disclaimers": ["温馨提示：文中信息仅作参考，具体事项请以有关部门公告为准。",
                    "版权声明：本站转发的合作媒体稿件版权归原作者所有，转发仅为分享资讯。"],
    "footers": [
        "{site}自2015年创办以来保留全部稿件权利 ∣ 未经授权禁止建立镜像",
        "关于本站 ∣ 人才招聘 ∣ 广告刊例 ∣ 隐私保护 ∣ 联系编辑部",
        "网络新闻信息服务许可 辽新闻字{n}号",
        "不良信息举报专线 0416-{n}　举报信箱 weigui@{host}",
    ],
    "icp": ["增值电信业务许可：辽B2-{n}", "公网安备登记号{n}"],
    "source_tail": ["（本稿转载自{src}，撰稿：{author}，如需转载请注明原出处）", "此稿最早刊发在{src}，本站编发时略有删节。"],
    "pic_notes": ["（现场画面系乡镇报道员拍下）", "（网友随手拍摄，经授权使用）", "▲ 左右拨动屏幕，可浏览另外几张现场照", "（老照片 ∣ 由{author}翻找出来）"],
    "prose_captions": ["图为工人们在新建厂房内安装生产线。", "图为游客在湿地栈道上观赏候鸟。", "图为医护人员为老人测量血压。",
                       "图为孩子们在新落成的操场上做游戏。"],
    "pagination": ["《 前文　∣　返回频道　∣　后文 》", "首页 ∣ 前页 ∣ 1 ∣ 2 ∣ 3 ∣ 尾页"],
    "seo_keywords": ["异地就医备案线上办理", "灵活就业人员养老保险缴费档次", "公积金租房提取额度", "居住证签注线上续期"],
    "seo_lines": ["{kw}怎么办？一张图说清楚", "干货收藏：{kw}十问十答", "{kw}（今年最新口径）"],
    "spam_words": ["澳门威尼人官网", "金沙城真人视讯厅", "极速赛车冠亚和计划", "深夜成人影院", "女主播一对一私聊间", "足彩竞猜稳赚内部",
                   "附近单身熟女约会", "捕鱼达人秒速提款"],
    "spam_suffixes": ["开户首存送三成", "日赚过万不是梦"],
    "spam_sep": [" ◆ ", " ❖ "],
    "spam_head_sep": ["◆", " ❖ "],
    "cities": ["辽宁凌源", "甘肃泾川", "海南文昌", "江西赣县", "内蒙古开鲁", "山东垦利", "辽宁北镇", "甘肃崇信"],
    "forum_users": ["凌河老渔翁", "泾川苹果哥", "椰林晚风", "章贡小学生", "科尔沁骑手", "黄河入海口", "sea_breeze88", "老铁2020"],
    "censor": ["酒驾", "涉恶", "霸凌", "骚扰", "盗采", "滥伐", "坍塌", "火灾", "中毒", "失职", "漏报", "劣质", "变质", "投毒",
               "套路贷", "洗钱", "黑车", "逃犯", "爆燃", "倒塌", "泥石流", "停产", "裁员", "欠债", "倒闭", "跑路", "暴雷", "吊销", "落马", "纪委",
               "冰毒", "赃款", "拘役", "遗弃", "老赖", "失信", "被盗", "获刑", "罚金", "泄漏", "腐蚀", "盗窃罪", "诈骗罪",
               "受贿罪", "双开", "留置", "问责", "免职", "撞人", "起火", "自燃", "侧翻", "浓烟"],
    "keep": ["这份答卷来得并不轻松。", "“这下心里踏实多了。”", "归根结底一句话：", "这样的例子并非个案。",
             "毛病究竟出在哪一环？", "“一定要把好事办实！”", "故事还得从去年说起。", "看看下面这组数据：", "结论是肯定的。",
             "有人叫好，也有人观望。"],
    "html": {"img": '<img class="pic-v14" src="{url}" loading="lazy" data-role="inline-figure">'},
    # forum chrome (Discuz-like)
    "bbs": {
        "bar": "会员登录 ∣ 马上注册 ∣ 忘记密码 ∣ 全部版块",
        "crumb": "{site} ⇒ 社区 ⇒ 城事杂谈 ⇒ 帖子详情",
        "stat": "查阅 {n} ∣ 回帖 {m}",
        "copy": "[复制帖子地址]",
        "op": "发帖人·沙发前",
        "posted": "发帖时刻：{date} {time}",
        "only": "只看此人",
        "edited": "此帖已由 {user} 在 {date} {time} 改过一回",
        "ustat": "人气值 {n} ∣ 主题数 {m} ∣ 来到本坛 {date}",
        "floor": "{k}#",
        "acts": "回复 ∣ 点赞 ∣ 踩一下 ∣ 举报此楼",
        "sig_rule": "＝＝＝个性签名＝＝＝",
        "sig": "{city}人，爱骑车，爱拍照。",
        "replies": ["收藏了，回头细看。", "我家附近也有这种情况。", "谢谢分享，帮楼主顶一顶！", "蹲一个后续，楼主记得更新。",
                    "这事办得漂亮，支持。", "前排占座，小板凳已备好。", "家门口的事，得多留意。", "有知情人说说吗？"],
        "pager": "《上一页　1　2　3 … 9　下一页》",
        "quick": "快速回帖：请遵守社区公约，理性发言。",
        "powered": "Driven by BoardEngine X5.2 ∣ 手机版 ∣ 小黑屋 ∣ 站务信箱",
    },
    # Hugo post
    "hg": {
        "cats": ["新闻存档", "地方报摘", "剪报小记"],
        "quote": "原网页已经打不开了，下面是我当时存下来的全文。",
        "tail": "_此文只作个人备份，若有侵权请联系删除。_",
        "prev": "« 上一篇存档：",
        "next": "下一篇存档 »：",
        "summary": "转存的一篇地方报道。",
    },
    # HTML page extras
    "hp": {
        "skip": "直接跳往正文",
        "font": "字号调节：特大　标准　较小",
        "print": "《打印本文》《关闭本页》",
        "aside": "编辑部推荐",
        "rel": "你可能还会关心",
        "copy": "版权标识 © {year} {site}：本网所有稿件均受版权保护，转载请书面联系",
    },
    # hijacked spam page
    "spam": {
        "hint": "点这里进入直营大厅，新会员登入立领体验筹码",
        "foot": "请把本站新域名存进书签，以防失联",
    },
    # news-app dump
    "app": {
        "open": "下载客户端看全文，不卡顿更省流",
        "exp": "余下内容已折叠 ⇓ 点此展开",
        "nomore": "— 我是有底线的 —",
        "cmt": "说两句　　{m}人在聊　　存下　　分给伙伴",
        "recs": "为你挑了几篇",
    },
    # government information page
    "gov": {
        "head": "{city}县政府政务公示平台·凌河政务",
        "font": "《字码：放大 默认 缩小》",
        "print": "〖打印该页〗〖关掉此窗〗〖存入书签〗",
        "rel": "相关政策文件：",
        "org": "本平台由县政府办公室主办、县数字政务中心负责维护",
        "addr": "办公地址：县行政服务中心四楼　邮编 124{k}00　咨询电话：{tel}",
        "best": "建议使用IE10以上版本或主流浏览器浏览本站",
    },
    # self-media account page
    "sm": {
        "acct": "{site}·城事号",
        "fans": "{n}人关注了这个号 ∣ 累计赞{m}万",
        "follow_btn": "＋ 关注作者",
        "read": "{n}次阅读",
        "report": "投诉该内容　减少此类推荐　不看此作者",
        "more": "作者近期发布",
        "stmt": "本文为作者独立观点，平台只提供信息发布与存储服务，不代表本平台观点。",
    },
    # NITF XML wire item (new shape)
    "nitf": {
        "agency": "北方通讯社",
        "distributor": "北方通讯社稿件分发中心",
        "rights": "本稿著作权属北方通讯社，签约用户可全文刊用，请保留电头。",
        "ednote": "（此稿供签约媒体使用，可适当删节）",
        "keys": ["社区治理新招", "民生项目清单", "营商服务提速举措", "宜居乡村建设", "公共服务均等化", "旧城片区改造"],
        "genre": "新闻稿件·消息",
        "tagline": "（稿件完）",
        "contact": "用稿咨询请联系夜班编辑 {author}（{tel}）",
        "priority": "发稿优先级：普通",
        "media_label": "随稿配图",
    },
    # forum post exported as BBCode source (new shape)
    "bb": {
        "head": "帖子源码导出 ∣ 论坛版本 BoardEngine X5",
        "board": "所在版块：城事杂谈　主题分类：转帖",
        "edit": "此帖经 {user} 于 {date} {time} 再次改动",
        "repost": "帖子原载{src}　搬运者：{user}",
        "attach": "附件存档 1.{k}兆 已取{n}回",
        "quote_head": "援引 {user} 在 {date} {time} 的发言",
        "hide": "本帖隐藏的内容需要回复才可以浏览",
        "sig": "～ 我是{city}人，转帖只为留底 ～",
        "rate": "共{k}人评分　人气 +{m}　评语：值得一读",
        "end": "源码导出结束",
    },
    # Evernote / ENEX web clip export (new shape)
    "enex": {
        "app": "EverClip/Windows 10.7",
        "tags": ["剪报存档", "待读", "本地要事剪存", "资料库"],
        "note": "【收藏备注】回头写周报要用，先存一份。",
        "clipped": "剪藏自 {site}　保存于 {date} {time}",
        "src_app": "网页剪藏插件",
        "tip": "（原网页中的广告与评论已被剪藏插件隐去）",
    },
    # exam reading-comprehension page (new shape)
    "exam": {
        "site": "学优题库网",
        "crumb": "试题中心 ⇒ 高中语文 ⇒ 实用类文本阅读",
        "paper": "{year}届高三{city}第{k}次联合模拟考试·语文",
        "instr": "阅读下面的文字，完成第{a}～{b}题。",
        "score": "（本大题共{k}小题，共12分）",
        "from": "（材料选自{src}，文字略有改动）",
        "mat1": "【材料甲】",
        "mat2": "【材料乙】",
        "q": ["下列对文中相关内容的理解和分析，不正确的一项是（3分）",
              "下列对原文论证的相关分析，正确的一项是（3分）",
              "根据原文内容，下列说法不正确的一项是（3分）"],
        "opts": ["文章开头交代了事件的背景，为下文的展开作了必要铺垫。",
                 "作者引用相关人士的话语，增强了报道的真实性与可信度。",
                 "文中列举的数据说明，这项工作已经取得了阶段性成效。",
                 "报道采用了由点到面的写法，层次清楚，结构严谨。",
                 "文章结尾对未来作了展望，意在引发读者的进一步思考。",
                 "材料中的做法具有普遍意义，可以在各地直接照搬推广。",
                 "文中提到的措施都已全面落实，不存在任何困难和问题。",
                 "报道主要采用了议论的表达方式，叙述和说明都很少。"],
        "open_q": "请结合材料，简要概括文中所述做法的意义。（6分）",
        "ans": "【答案与评分参考】",
        "ana": "【试题解析】本题考查筛选并整合文中信息的能力，解答时需回到原文逐项比对。",
        "grade": "本题难度：中档　组卷次数：{n}　被收入题夹：{m}",
        "btns": "加入试题篮　纠错　下载本卷",
        "foot": "学优题库网 ∣ 教师组卷平台 ∣ 客服QQ群 {n}",
    },
    "tw": {
        "app": "蘭陽大小事隨時掌握，{site}全新版程式歡迎下載",
        "line": "把{site}的LINE官方帳號加為好友，每天晚間推播今日焦點",
        "copy": "本網站內容受著作權法保護，非經授權不得轉載、重製或改編。",
    },
    "hk": {
        "app": "西貢街坊動態即時送上手機，快啲安裝{site}程式",
        "copy": "本網站所載內容版權屬本社所有，未經許可不得轉載或翻印。",
    },
}
