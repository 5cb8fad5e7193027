"""Noise strings of the clean held-out v11 pages (issue 8), written 2026-11-25 by the session-14 data helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`. The strings
imitate pages as the writer knows them (a scraper's console log around the text it extracted,
MHTML web archives saved by a browser, novel-reader sites, a code-hosting site's file view of a
news-archive repository, news-agency teletype copy, a CMS back-end editor, a mobile newspaper
(手机报) edition, a text-browser dump with numbered link references, listen-to-the-article pages,
special-topic (专题) pages, EPUB chapter files; Taiwan and Hong Kong sites), written without
reading the cleaner's rules or any held-out page. ``make.py --check`` asserts that no string
equals or contains (>= 4 chars) a string of the earlier pools (held-out v10's included) and that
no string of >= 4 chars occurs on an earlier dev page or seed, and prints only the counts.

``keep`` holds must-keep look-alikes: short prose lines inserted INTO the article (gold keeps
them), written to look like chrome (a one-line paragraph, quoted speech, a colon lead-in).

Placeholders filled by ``make.py``: ``{site} {domain} {host} {t} {kw} {date} {date_cn} {time}
{n} {m} {k} {year} {src} {author} {tel} {user} {ip} {city} {url} {o} {s}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout11",
    "sites": [
        ("黔东南融媒汇", "www.qdnrongmei.com"),
        ("桂中观潮网", "www.guizhonggc.cn"),
        ("豫西通讯台", "www.yuxitxt.net"),
        ("湘中热讯", "www.xiangzhongrx.com.cn"),
        ("川南观澜网", "www.chuannangl.com"),
        ("冀东读报站", "www.jidongdbz.cn"),
    ],
    "sites_tw": [("蘭陽地方誌", "www.lanyang-chronicle.com.tw"), ("中彰投新聞站", "www.zhangtou-xinwen.tw")],
    "sites_hk": [("港島街坊報", "www.hki-kaifong.com.hk"), ("九龍晨早通", "www.kln-morning.hk")],
    "home": ["返回主屏", "回到站点首屏"],
    "sections": ["黔山新貌", "烟火市井", "三农前沿", "钱袋子观察", "课堂内外", "杏林手记", "山水行旅", "法治视界",
                 "硬核科技", "环球速览", "政务直达", "光影瞬间"],
    "sections_tw": ["地方大小事", "錢包經濟學", "國際快遞"],
    "sections_hk": ["港聞速遞", "兩岸灣區", "投資置業"],
    "nav_extra": ["数字版报纸", "线索直通车"],
    "crumb_prefix": ["路径 〉 ", "此页位于 〉 "],
    "crumb_sep": [" 〉 ", " ／ "],
    "crumb_tail": ["这一篇"],
    "meta": ["稿源〔{src}〕 上线〔{date} {time}〕 责编〔{author}〕", "{src} ● {date_cn} {time} ● 阅{n}"],
    "sources": ["都匀日报", "柳州晚报", "南阳日报", "邢台日报", "万州时报", "玉林晚报", "常德晚报", "安顺日报"],
    "authors": ["龙秀英", "覃志明", "吕新春", "曾德胜", "罗玉兰", "阎国庆"],
    "byline_roles": ["一审 ◎ {author}", "二审 ◎ {author}", "三审 ◎ {author}"],
    "share": ["朋友圈转一下 ◎ 先收着 ◎ 扫码带走"],
    "follow": ["想第一时间读到身边事？下载{site}客户端，开启消息提醒。"],
    "tag_labels": ["本篇关键字 → "],
    "tags": ["充电桩进小区", "村BA", "一刻钟便民生活圈", "跨省通办", "新就业群体", "旧货换新"],
    "related_heads": ["猜你还想读", "同栏目更多内容"],
    "rank_heads": ["二十四小时热读"],
    "more": ["查阅完整排行 →"],
    "footers": [
        "页面所载稿件之著作权属{site}，请勿擅自采编或镜像",
        "关于本站 ◎ 商务合作 ◎ 投稿须知 ◎ 免责条款 ◎ 网站地图",
        "新闻信息服务许可 第52-{n}号",
        "网信举报专线 0854-{n}",
    ],
    "icp": ["ICP备案：黔{n}号", "黔公安网备{n}"],
    "source_tail": ["本稿系{src}首发，他处引用请标明原始出处。", "（{src}授权刊用　整理人 {author}）"],
    "pic_notes": ["（照片由受访单位提供）", "（手机拍摄 ◎ {author}）", "（示意图片，非新闻现场）"],
    "pagination": ["« 上一篇稿件 ◎ 返回栏目页 ◎ 下一篇稿件 >"],
    "seo_keywords": ["公积金异地提取条件", "电动自行车上牌预约", "居住证网上续签", "老年人优待证申领"],
    "seo_lines": ["{kw}怎么弄？一张图看懂", "{kw}需要本人到场吗"],
    "spam_words": ["威尼斯人在线注册", "大发快三在线计划", "裸聊直播一对一", "成人直播免费频道", "同城交友上门服务",
                   "凤凰彩票平台下载"],
    "spam_suffixes": ["首存赠送百分百"],
    "spam_sep": [" ☆ "],
    "spam_head_sep": [" ☆ "],
    "cities": ["重庆万州", "河南南阳", "湖南怀化", "湖南衡阳", "广西玉林", "河南信阳", "湖南常德", "贵州安顺"],
    "forum_users": ["苗岭清风", "漓江渔火", "老城根下", "squirrel_77", "阿木不是木头", "豆花饭儿", "追光的小陈", "胡同口大爷"],
    "censor": ["驱逐", "拘押", "枪战", "遇袭", "谋杀", "失踪", "流血", "骚乱", "罢课", "非法集会", "暴动", "殉职",
               "丧生", "伤亡", "毙命", "核武器", "间谍", "叛逃", "审判", "拘留", "通缉", "受审", "武警", "军方", "撤军", "核查", "贿选", "罢免"],
    "keep": ["消息很快传开了。", "“这事儿，得有人管。”", "要点有三：", "说起来容易，做起来难。",
             "变化是实实在在的。", "截至目前，调查仍在进行。",
             "问题出在哪里？", "“明年还来！”", "有三组数字值得关注：", "一切都在好转。"],
    "html": {"img": '<img class="wz-tu" data-src="{url}" loading="lazy" alt="">'},
    # a scraper's console log around the text it extracted
    "log": {
        "start": "{date} {time}:07,112 INFO  [scheduler] 任务 job-{n} 已启动，并发数 4，目标站点 {host}",
        "get": "{date} {time}:09,305 INFO  [fetcher] GET {url} -> 200 ({m}3 ms, {n} bytes)",
        "enc": "{date} {time}:09,431 DEBUG [decoder] 按响应头识别编码，回退检测结果可信度 0.9{k}",
        "rule": "{date} {time}:09,458 DEBUG [extractor] 命中正文规则 #{m}，候选块得分 {n}",
        "begin": "=============== 抽取正文 BEGIN ===============",
        "end": "================ 抽取正文 END ================",
        "warns": ["{date} {time}:10,102 WARN  [extractor] 正文末尾疑似混入推荐内容，已按原样保留，请人工复核。",
                  "{date} {time}:10,644 WARN  [cleaner] 检测到页面存在懒加载图片，部分图注可能未能抓取。"],
        "next": "{date} {time}:11,116 INFO  [fetcher] GET {url} -> 200 ({m}8 ms) （列表页第二条）",
        "peek": "--- 预览（前 120 字）---",
        "fail": "{date} {time}:12,270 ERROR [fetcher] 连续三次请求超时，本条链接已写入重试队列，稍后将自动补抓。",
        "stat": "{date} {time}:12,691 INFO  [pipeline] 本批处理完毕：成功 2 条，失败 1 条，去重丢弃 0 条。",
        "bye": "进程已退出，退出码 0",
    },
    # MHTML web archive saved by a browser
    "mht": {
        "from": "From: <Saved by Blink>",
        "mime": "MIME-Version: 1.0",
        "boundary": "----MultipartBoundary--{k}Xq7Rm{n}Tz----",
        "nav": "网站首屏 | 本地要讯 | 县区动态 | 视听专区 | 互动留言",
        "statement": "凡本网注明来源为其他媒体的稿件，均为转载，转载目的在于传递更多信息，并不代表本网赞同其观点。",
        "rec": "主编圈选",
        "css": ".xw-top{{margin:0 auto;width:1180px}} .xw-main p{{text-indent:2em;line-height:1.9}}",
    },
    # novel-reader site carrying a report as a "chapter"
    "novel": {
        "crumb": "{site} > 书库 > 纪实报道 > 本章",
        "info": "签约作者：{author}　类别：纪实　更新：{date}　本章字数：{n}",
        "bar": "加入书架 丨 投月票 丨 章节报错 丨 下载TXT",
        "set": "排版：字号 特大 标准 偏小　底色 米黄 浅绿 墨黑",
        "chap": "← 上一章　｜　返回目录　｜　下一章 →",
        "unfinished": "本章还没完，点下一页接着看！",
        "pager": "（第{o}页，共{s}页）　翻到下页",
        "keys": "温馨提示：方向键左右可以翻页，按回车键返回目录，按空格键自动滚屏。",
        "hot": "同类作品推荐",
        "domain": "请记住本站域名，手机用户也可以打开移动版，阅读体验更流畅。",
    },
    # code-hosting site's file view of a news-archive repository
    "repo": {
        "owner": "{user} / baozhi-beifen-{year}",
        "vis": "公开仓库",
        "tabs": "代码  议题 {k}  合并请求  流水线  维基  统计",
        "branch": "main 分支 ▼  共 {n} 次提交",
        "path": "baozhi-beifen-{year} / {year} / {o} / {s}.md",
        "commit": "{user} 补录当日备份 · {k}f3e9a{m} · 第{m}次修订",
        "size": "{m} 行 · {n} 字节",
        "btns": "原始文件  追溯  历史",
        "src": "原载：{src}，{date_cn}",
        "notice": "本仓库仅作个人存档用途，文章版权归原作者及原发媒体所有，如有不妥请提交议题删除。",
        "same": "同日其他存档",
        "foot": "条款 · 隐私 · 安全 · 服务状态 · 帮助文档 · 联系我们",
    },
    # news-agency teletype copy
    "wire": {
        "open": "ZCZC",
        "close": "NNNN",
        "head": "EAN{n} {k} CHN /EAN-ZHONGWEN",
        "slug": "BC-国内-社会-{m}",
        "prio": "优先级：常规　字数：{n}　签发：{author}",
        "dateline": "（本社编发，稿源：{src}）",
        "end": "（完）",
        "editor": "（当班发稿人：{author}）",
        "fix_slug": "BC-更正-{m}",
        "fix": "更正：本社此前播发的一则稿件中有一处人名用字有误，请各用户改正后使用，特此致歉。",
        "terms": "本社稿件仅供签约用户编辑使用，未经书面许可不得转售、汇编或在网络上整篇转载。",
        "more": "（未完，待续）",
    },
    # CMS back-end editor page
    "cms": {
        "top": "{site} 内容管理后台 v5.{k}　　当前用户：{user}　｜　修改密码　｜　安全退出",
        "nav": "概览  稿件中心  频道维护  页面样式  用户权限  全局参数",
        "crumb": "稿件库 〉 全部稿件 〉 编辑稿件",
        "title": "标题（必填）：",
        "sub": "副标题：",
        "col": "所属栏目：[ 本地资讯 ▼ ]",
        "kw": "标签词（逗号分隔）：",
        "sum": "内容摘要：",
        "body": "稿件正文：",
        "toolbar": "段落格式 ▼  加粗  斜体  下划线  插入图片  插入视频  HTML源码  全屏编辑",
        "count": "当前字数：{n}　　已于 {time} 自动保存草稿",
        "btns": "[ 存为草稿 ]  [ 预览效果 ]  [ 提交审核 ]  [ 定时发布 ]",
        "review_head": "审核意见：",
        "reviews": ["第三段数据请与原始通报再核对一遍，确认无误后提交。", "标题字数偏多，建议精简后再送终审。"],
        "log_head": "操作记录：",
        "log": ["{date} {time} {user} 新建了稿件", "{date} {time} {user} 修改了正文"],
        "auto": "智能关联稿件（系统自动匹配）",
        "foot": "Powered by 云帆CMS 5.{k} · 技术支持热线 400-{n}",
    },
    # mobile newspaper (手机报) edition
    "mp": {
        "head": "【{site}手机报】{date_cn}　第{n}期",
        "guide": "本期导读",
        "rule": "——————————",
        "lead": "【今日首条】",
        "labels": ["【身边事】", "【看天下】"],
        "weather": "【天气】{city}：多云转阴，气温{k}至{m}℃，早晚温差较大，请注意添衣。",
        "tip": "【提示】本报每天清晨发送，资费每月三元，退订请回复TD。",
        "svc": "服务专线：{tel}",
    },
    # text-browser dump with numbered link references
    "lynx": {
        "links": "References",
        "hidden": "Hidden links:",
        "skip": "[跳到正文]",
        "bar": "网页快照 · 文本模式浏览",
        "note": "本页面为纯文本版本，图片与视频内容已省略，如需完整浏览请切换到标准版。",
        "rec": "你可能还想看：",
    },
    # listen-to-the-article page
    "tts": {
        "play": "► 朗读全文　时长0{k}分{m}秒",
        "speed": "播放速度：0.75x　1.0x　1.25x　1.5x　2.0x",
        "voice": "播报音色：知性女声 ｜ 沉稳男声 ｜ 童声",
        "ai": "本音频由语音合成技术生成，个别字词读音可能不准确，请以文字内容为准。",
        "next": "► 接着听：",
        "done": "已为您播完全文，共计收听 {m} 人次。",
    },
    # special-topic (专题) page
    "zt": {
        "label": "{site} · 主题策划",
        "names": ["【聚焦】邻里议事厅的故事", "【聚焦】小切口里的大民生", "【聚焦】老街巷焕新记"],
        "intro": "专题导语：本专题持续关注群众身边的变化，集纳各地新近涌现的好做法、新经验，敬请垂注。",
        "tabs": "新近动向　｜　深读　｜　影像　｜　锐评　｜　历次策划",
        "latest": "新近动向",
        "deep": "深度稿件",
        "review": "锐评",
        "past": "历次策划",
        "pasts": ["【聚焦】夜校里的年轻人", "【聚焦】山里娃的运动场", "【聚焦】渡口边的新学堂"],
        "more": "点此进入策划首页",
    },
    # EPUB chapter file
    "epub": {
        "book": "年度新闻作品选（{year}卷）",
        "part": ["第二辑 · 城乡记事", "第四辑 · 人间烟火", "第五辑 · 一线观察"],
        "fn": "编者注：本文收入本书时，编者对个别文字作了技术处理，内容未作改动。",
        "side": "本辑另收",
        "copy": "本书电子版仅限购买者个人阅读，严禁复制、传播或用于任何商业用途。",
    },
    # Traditional sites
    "tw": {
        "app": "地方消息一手掌握，歡迎安裝{site}App並開啟通知",
        "line": "{site}LINE官方帳號開張囉，每天早上送上重點新聞整理",
        "copy": "本網站所有內容均受智慧財產權保護，未經同意請勿轉貼、改作或散布。",
    },
    "hk": {
        "app": "想緊貼本港即時消息？請安裝{site}手機應用",
        "copy": "本網站內容版權屬本網所有，未經書面同意，任何人士不得複製或轉載。",
    },
}
