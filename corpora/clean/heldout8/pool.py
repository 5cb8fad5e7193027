"""Noise strings of the clean held-out v8 pages (issue 8), written 2026-11-24 by the session-10 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. The strings
imitate Chinese sites as the writer knows them (news aggregators with 原标题 lines, PDF report
dumps with a table of contents and page footers, slide decks exported as text, online-reading
chapter pages, video pages with bullet comments, teaching-material pages, read-later exports
with highlights, encyclopedia entries, 范文 sites, subtitle (SRT) downloads, office-automation
forwarding pages; Taiwan and Hong Kong sites), written without reading the cleaner's rules or
any held-out page. ``make.py --check`` asserts that no string equals or contains (>= 4 chars) a
string of the earlier pools and prints only the count.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {board} {ip} {city} {url} {o} {s}`` and
template-specific ones.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout8",
    "sites": [
        ("陇原快报网", "www.longyuankb.com"),
        ("滇池晨风", "www.dianchicf.cn"),
        ("皖江视点", "www.wanjiangsd.net"),
        ("赣鄱资讯港", "www.ganpozx.com.cn"),
        ("辽西热线网", "www.liaoxirx.com"),
        ("晋中在线通", "www.jinzhongzxt.cn"),
    ],
    "sites_tw": [("花東日日報", "www.huadong-daily.com.tw"), ("竹塹新聞雲", "www.zhuqian-cloud.tw")],
    "sites_hk": [("維港頭條", "www.harbour-top.com.hk"), ("新界通訊社", "www.nt-tongxun.hk")],
    "home": ["主页入口", "首屏导航"],
    "sections": ["时政要览", "社会百态", "财经快评", "文化星空", "教育观察", "医卫健康", "陇上田园", "法治之声",
                 "科创前沿", "环球扫描", "便民直通", "图片故事"],
    "sections_tw": ["在地新聞", "生活消費", "國際要聞"],
    "sections_hk": ["坊間熱話", "中港動向", "財經速遞"],
    "nav_extra": ["云上报栏", "融媒专题"],
    "crumb_prefix": ["当前路径：", "栏目位置→"],
    "crumb_sep": [" >> ", " / "],
    "crumb_tail": ["阅读此文"],
    "sources": ["定西日报", "曲靖日报", "池州日报", "景德镇日报", "葫芦岛日报", "阳泉日报", "平凉日报", "临沧日报"],
    "authors": ["马文涛", "杨丽萍", "程国栋", "邹晓燕", "付宏伟", "韩雪梅"],
    "byline_roles": ["本文执笔 {author}", "执行统筹：{author}", "终审丨{author}"],
    "share": ["一键分享：朋友圈 ｜ 微博 ｜ 豆瓣 ｜ 生成海报"],
    "follow": ["长按图片识别小程序码，每天早晚两次推送精选本地新闻。",
               "在手机上访问{site}，随时随地掌握身边大小事。"],
    "tag_labels": ["本篇标签→"],
    "tags": ["夜经济", "全龄友好", "县域商业", "背街小巷", "口袋公园", "银发服务"],
    "related_heads": ["顺着这篇往下读", "同类热读"],
    "footers": [
        "© {year} {site} 权利保留",
        "网站简介 ｜ 联系方式 ｜ 招聘信息 ｜ 隐私政策",
        "网络新闻资质备案号：6212{n}",
        "有害信息投诉热线：{tel}",
    ],
    "icp": ["陇ICP备{n}号", "甘ICP证{n}号"],
    "source_tail": ["（本稿由{src}提供　采写 {author}）", "该文原载于{src}，引用时请一并注明作者。"],
    "pic_notes": ["（受访单位供图）", "（图片均为资料照片）", "（图片为现场实拍）"],
    "pagination": ["← 上一篇　｜　下一篇 →"],
    "seo_keywords": ["公租房摇号查询", "车辆年检网上预约", "个人养老金开户", "居民医保断缴补缴"],
    "seo_lines": ["{kw}入口及操作指南", "{kw}需要什么材料{year}"],
    "spam_words": ["皇冠体育比分投注", "葡京棋牌送金币", "午夜福利视频站", "飞艇计划免费领", "真钱斗地主", "寂寞少妇聊天室"],
    "spam_suffixes": ["新人首充返百分百"],
    "spam_sep": [" ☆ "],
    "spam_head_sep": [" ☆ "],
    "cities": ["甘肃定西", "云南曲靖", "安徽池州", "江西鹰潭", "辽宁葫芦岛", "山西阳泉", "甘肃平凉", "云南保山"],
    "forum_users": ["西北望长安", "小鹿乱撞2020", "cathy_wu", "老刘爱摄影", "咸鱼翻身记", "河边的柳树", "努力搬砖ing", "晚风abc123"],
    "replies": ["讲得很清楚，学到了。", "希望后续还有跟踪报道。", "早该有人站出来管一管。", "支持一下，写得真好。",
                "看完心里很不是滋味。", "我们那边也是这个情况。", "给作者点个赞。", "先收藏了，有空细看。"],
    "censor": ["偷拍", "逃逸", "殴打", "斗殴", "溺亡", "跳楼", "自杀", "打砸", "抢劫", "身亡", "遇害", "命案", "纵火",
               "醉酒", "伤者", "遇难", "血案", "报复", "骗子", "色情"],
    "keep": ["对此，记者进行了走访。", "“情况我们已经知道了。”", "其中有几个细节值得留意：", "事情还得从头说起。",
             "记者注意到，这样的变化并非个例。", "这一切，都有据可查。"],
    # news aggregator with an original-headline line
    "agg": {
        "bar": "{site} · 聚合阅读",
        "orig": "（原题为《{t}》）",
        "via": "稿源出处 {src}｜{board}代为收录",
        "boards": ["今日资讯汇", "掌上新闻源", "热点速览号"],
        "note": ["编者按：这篇报道经合作方授权转发，本平台只做信息汇集，文责由原发媒体承担。",
                 "编者按：为便于手机阅读，标题经平台编辑改写，正文未作任何增删。"],
        "view": "阅读原文　·　投诉　·　减少此类推荐",
        "mid": "—— 以下内容由合作媒体提供 ——",
        "item": "{src} · 评{m}",
    },
    # PDF report dump: cover, table of contents, running head, page footer
    "pdf": {
        "cover": ["{site}政策研究室", "专题调研材料", "{year}-{k}号"],
        "toc": "目　录",
        "toc_items": ["第一部分　总体进展", "第二部分　经验做法", "第三部分　短板弱项", "第四部分　对策建议", "附　件　数据口径说明"],
        "dots": "…………",
        "head": "{site}政策研究室 · 专题调研材料",
        "foot": "— 第{k}页（全文{m}页）—",
        "secret": "本材料仅供内部研究参考，未经书面许可不得对外引用或传播。",
        "end": "免责条款：本材料所载信息均来自公开资料，研究室力求准确可靠，但不对其准确性和完整性作任何保证。",
    },
    # slide deck exported as text
    "slides": {
        "file": "{t}.pptx　—　共{m}张幻灯片",
        "mark": "幻灯片 {k}",
        "note": ["演讲者备注：此处停顿，提醒听众留意屏幕上的图表。",
                 "演讲者备注：本页内容可根据现场时间适当删减。",
                 "演讲者备注：讲到这里可以请台下听众举手互动。"],
        "last": ["谢谢聆听", "欢迎提问交流"],
        "exp": "由{site}文档助手导出于 {date} {time}",
    },
    # online reading (chapter) page
    "reader": {
        "bar": ["{site}书城", "书架 ｜ 排行榜 ｜ 完本 ｜ 充值"],
        "tools": "加入书架　投推荐票　章节目录　字体设置",
        "info": "本书作者 {author}｜本章共{n}字｜{date} {time}上传",
        "split": "这一章还没完，翻到下一页接着看",
        "page": "（第{k}/{m}页）",
        "nav": "上一章　←　章节目录　→　下一章",
        "tip": "温馨提示：按回车键返回书目，按左方向键返回上一页，按右方向键进入下一页。",
        "stmt": "本书城所有作品均由网友上传，仅供试读，如发现作品内容有违规之处，请向我们举报。",
    },
    # video page with bullet comments (danmaku) between the paragraphs
    "danmu": {
        "player": "播放进度 00:00｜0{k}:{m}　弹幕已开启　超清1080　倍速播放",
        "load": "弹幕池已载入{n}条",
        "up": "投稿作者 {author} · {n}位订阅者",
        "stat": "{n}次观看 · 弹幕{m}条 · {date} {time}",
        "label": "视频文稿",
        "dm": ["{s}　弹幕 {k}:{m}", "[{k}:{m}] {s}"],
        "dms": ["前方高能预警", "打卡打卡", "第一次来到这个频道", "弹幕护体", "这期做得用心了", "哈哈哈哈哈"],
        "ask": "如果觉得这期视频对你有帮助，请不要吝啬你的点赞、投币和收藏，我们下期见。",
        "bar": "👍 {n}　🪙 {m}　⭐ {n}　↗ {m}",
        "hot": "大家都在说",
    },
    # teaching-material page
    "lesson": {
        "crumb": "课件中心 > 阅读材料 > 时文精选",
        "grade": ["适用年级：高一　学科：语文　版本：通用", "适用年级：九年级　学科：道德与法治"],
        "label": "【阅读材料】",
        "ex": "【课后练习】",
        "qs": ["1. 文章开头一段交代了哪些信息？请简要概括。",
               "2. 联系上下文，说说文中画线句子的作用。",
               "3. 读完本文，你有什么感想？请写一段不少于一百字的话。"],
        "ans": "【参考答案】请登录后下载查看",
        "note": "本资料由教研组老师整理，仅供课堂教学参考使用，请勿用于商业用途。",
        "dl": "下载本课件（{k}.{m}MB）　｜　在线预览",
    },
    # read-later / bookmark export with highlights
    "later": {
        "saved": "{date} {time} 存入稍后读 · {host}",
        "time": "阅读耗时≈{k}min",
        "hl": "我的划线（{k}）",
        "note": ["我的笔记：这篇可以作为周报的参考材料。", "我的笔记：转给同事看看，里面的数据有用。"],
        "orig": "—— 原文 ——",
        "end": "—— 导出自 拾光稍后读 ——",
    },
    # encyclopedia entry
    "baike": {
        "bar": "{site}百科　｜　编辑　｜　讨论　｜　上传视频",
        "audit": "本词条由{site}百科编辑团队审核，内容仅供参考。",
        "box": ["中文名 ｜ {t}", "发生时间 ｜ {date_cn}", "发生地点 ｜ {city}", "相关单位 ｜ {src}"],
        "refs": "参考资料",
        "ref": "[{k}] {src}. {o}. {date}",
        "stat": "本条目被查看{n}次，共经过{m}轮修订，最近一次由{user}完成",
        "tags": "词条标签：社会事件，新闻",
    },
    # 范文 (model text) site
    "fanwen": {
        "crumb": "范文大全 > 心得体会 > 时事材料",
        "meta": "收录于{date}｜投稿会员 {user}｜被浏览{n}回",
        "intro": "下面是本站精心为大家收集整理的相关资料，仅供参考借鉴，希望能够帮助到有需要的朋友。",
        "after": "以上资料由网友投稿发布，经本站编辑审核后收录，如需转载请保留原文链接。",
        "word": "[下载本文Word版]　[打印本文]　[收藏本站]",
        "rel": "相关范文推荐",
        "new": "本站新收录",
    },
    # subtitle (SRT) download on a video page
    "srt": {
        "up": "上传者 {author}｜{date} 发布｜{n} 次观看",
        "label": "字幕文件（自动生成，仅供参考）",
        "head": "字幕制作：{site}字幕组　校对：{author}",
        "tail": "感谢收看本期视频，字幕如有错误欢迎指正。",
        "dl": "下载SRT　｜　下载TXT　｜　复制全部字幕",
    },
    # office-automation page forwarding an article
    "oa": {
        "sys": "{site}协同办公平台",
        "menu": "个人工作台　公文流转　内部邮件　日程安排",
        "secret": "【内部资料　注意保管】",
        "fields": ["发布部门：综合办公室", "阅读范围：全体职工", "紧急程度：一般"],
        "fwd": ["请各科室组织干部职工认真学习，并结合工作实际抓好落实。",
                "现将有关报道转发给大家，请各部门结合本单位情况参阅。"],
        "attach": "随文附发材料 {k} 份：",
        "files": ["学习材料汇编.docx ({m}K)", "签收回执单.xls ({k}{m}K)", "会议安排表.pdf ({m}K)"],
        "read": "已查阅{n}人 / 未查阅{m}人",
        "btns": "签收　｜　回复　｜　转发　｜　打印",
    },
    # Traditional sites
    "tw": {
        "app": "馬上安裝{site}App，重大新聞第一時間通知你",
        "line": "追蹤{site}粉絲專頁，掌握更多在地消息",
        "copy": "本站文章未經同意不得轉載，違者依法追究。",
    },
    "hk": {
        "app": "安裝{site}手機App，隨時睇最新新聞",
        "copy": "本網站內容受版權保護，未經許可不得轉載或引用。",
    },
}
