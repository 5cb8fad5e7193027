"""Noise strings for the second clean-stage dev set, DEV2 (issue 8, third pass).

Written from general knowledge of Chinese portals, news apps (头条/百家号/网易号
reposts), WeChat article dumps, government sites, download sites and forums
(贴吧/Discuz/phpwind) -- NOT from the held-out pools or pages (never opened). Many
phrasings per category, so the rules tuned on the first dev pool (``pools.DEV``,
saturated at F1 1.0) can be tested on wording they were not fitted to.

Besides boilerplate, the pool holds *must-keep* lines that look like chrome:
section headings, short one-sentence paragraphs, quotes, lines starting with
来源/编辑/作者 inside prose, numbered list items, a colon-ended lead-in. They are
inserted into the article (so gold keeps them); precision matters more than recall.

Placeholders (``make_dev2.py`` fills them): {site} {domain} {t} (title) {date}
{date_cn} {time} {n} {k} (small count) {src} {author} {user} {city} {year} {md}
(month-day) {kw}.
"""
from __future__ import annotations

DEV2: dict = {
    "name": "dev2",
    "sites": [
        ("江淮观察网", "www.jhgcw.com"), ("锦城热线", "www.jcrx.cn"), ("东方财讯", "www.dfcx.com.cn"),
        ("晨风资讯", "m.chenfeng.net"), ("潇湘在线", "www.xxzx.org.cn"), ("科技视界", "www.kjsj.top"),
        ("绿野软件园", "www.lvyesoft.com"), ("滨江市人民政府", "www.binjiang.gov.cn"), ("海峡都市频道", "hxds.tv"),
    ],
    "app_accounts": ["财经视野", "城市观察员", "老王看世界", "数码前沿", "健康养生汇", "三农时讯", "法治一线"],
    "wechat_accounts": ["江城发布", "青年大学习笔记", "金融圈内参", "小城故事多", "教育那些事儿"],
    "sections": ["要闻", "国内", "国际", "社会", "评论", "财经", "产经", "科技", "数码", "教育", "文旅", "民生", "视频",
                 "图片", "专题", "法治", "三农", "政务"],
    "nav_extra": ["客户端", "订阅", "登录", "注册", "English", "无障碍", "长者模式", "繁體", "手机版", "搜索"],
    # breadcrumbs without the usual "当前位置" prefix, and with it
    "crumbs": [
        "{site} > {sec} > 正文", "当前所在位置：首页 > {sec}", "您所在的位置：首页 - {sec} - 详情",
        "首页 / {sec} / 文章详情", "位置：网站首页 >> {sec} >> 阅读", "{sec}频道 > 滚动新闻",
    ],
    # meta / byline lines (several on one line, label-colon pairs, middle dots)
    "meta": [
        "{date} {time}　来源：{src}", "{date_cn} {time} 来源: {src} 作者: {author}",
        "发布日期：{date}　　信息来源：{src}　　浏览次数：{n}", "{src} {date} {time} · {city}",
        "{author} · {date} · 阅读 {n}", "时间：{date} | 来源：{src} | 点击：{n}",
        "{md} {time} · 来自{city} · {n}阅读", "稿源：{src}　发布：{date}　字号：T|T",
        "{date} {time}    {src}    参与评论({k})", "[{date}] 来源：{src}  作者：{author}",
    ],
    "sources": ["人民网", "新华社", "中国青年报", "经济日报", "光明网", "央广网", "南方都市报", "北京日报客户端", "界面新闻",
                "21世纪经济报道", "第一财经", "红星新闻", "潮新闻客户端", "本网综合"],
    "authors": ["陈思远", "刘佳", "周一鸣", "小编", "王晓峰", "赵敏", "李然", "网络编辑", "admin001"],
    "cities": ["北京", "上海", "广东", "浙江", "四川", "湖北", "江苏"],
    "bylines_top": [
        "记者 {author}", "本报记者 {author} 通讯员 {author2}", "文｜{author}", "作者 | {author}", "撰文：{author}　编辑：{author2}",
        "原创 {author} {acct}", "文/图 {author}", "{src}记者 {author}", "来源：{src}", "本文来源：{src}", "原标题：{t}",
    ],
    "bylines_tail": [
        "责任编辑：{author}", "（责任编辑：{author}）", "编辑：{author}  审核：{author2}", "校对：{author}",
        "编辑 | {author}　审校 | {author2}", "来源：{src}｜编辑：{author}｜审核：{author2}",
        "（编辑 {author}）", "【责任编辑：{author}】", "本文来源：{src}", "原文链接：https://{domain}/a/{n}.html",
        "作者：{author}（{src}记者）", "稿件来源：{src}　责编：{author}", "（来源：{src}，有删减）",
        "值班编辑：{author}　终审：{author2}", "监制：{author} 主编：{author2}",
    ],
    "closers": [
        "以上就是关于{t}的全部内容了，感谢阅读。", "好了，今天的分享就到这里，我们下期再见！", "本文完", "（完）", "【完】",
        "—— END ——", "- END -", "好啦，以上就是今天的内容，觉得有用的话别忘了转发给身边的朋友。",
        "今天的文章就先写到这里，大家有什么看法欢迎在评论区留言讨论。", "对此你怎么看？欢迎在评论区留言。",
        "你觉得呢？欢迎留言说说你的看法～", "以上内容仅供参考，具体以官方发布为准。", "全文完，感谢您的耐心阅读。",
        "更多资讯，请持续关注{site}。",
    ],
    "follow": [
        "点击上方蓝字关注我们", "点击上方“{acct}”，选择“设为星标”", "↑点击上方蓝字，关注{acct}",
        "长按识别下方二维码，关注我们", "扫码关注{acct}，获取更多资讯", "喜欢就点个“在看”吧", "点个在看，你最好看",
        "关注{acct}，了解更多精彩内容", "下载{site}客户端，看更多深度报道", "打开APP阅读全文", "打开今日头条，查看更多精彩",
        "觉得不错，请点赞、收藏、转发三连支持一下！", "戳“阅读原文”了解更多", "欢迎关注我的头条号，每天分享干货。",
    ],
    "share": [
        "分享到：", "分享至：微信 朋友圈 微博 QQ空间", "扫一扫在手机打开当前页", "微信扫一扫 分享到朋友圈",
        "用微信扫描二维码 分享至好友和朋友圈", "微信 微博 QQ 复制链接", "【打印本页】 【关闭窗口】",
        "点赞 {k}  收藏  评论 {k}  分享", "赞({k}) 分享 在看", "举报", "阅读 {n}", "{n}人已阅读", "已赞 {k}",
        "+关注", "已关注", "关注", "收藏 | 分享 | 打印", "字号：大 中 小 | 打印 | 关闭",
    ],
    "tags": ["标签：{tags}", "关键词：{tags}", "TAG：{tags}", "Tags: {tags}", "相关标签：{tags}", "#{tag1}# #{tag2}#",
             "本文标签：{tags}"],
    "tag_words": ["政策解读", "民生", "经济", "教育改革", "乡村振兴", "消费", "就业", "科技创新", "环境保护", "交通出行"],
    "pic_notes": [
        "（图片来源于网络，如有侵权请联系删除）", "▲资料图", "图片来源：视觉中国", "（图源：{src}）", "图/IC photo",
        "（本文配图来自网络）", "▲图源网络", "摄影：{author}", "（{src}记者 {author} 摄）", "图片由受访者提供",
        "点击查看原图", "图片：{author}/{src}", "（图片仅供参考）", "视频加载中...",
    ],
    "disclaimers": [
        "免责声明：本文转自网络，版权归原作者所有，如有侵权请联系删除。", "声明：本文仅代表作者观点，不代表本站立场。",
        "转载请注明出处：{site}", "特别声明：以上内容仅代表作者本人观点，不代表{site}观点或立场。",
        "本文系{site}原创，未经授权禁止转载。", "如需转载，请联系后台授权。",
        "声明：本文来自{acct}，版权归作者所有。文章内容仅代表作者独立观点，仅供参考。",
        "风险提示：市场有风险，投资需谨慎。本文不构成投资建议。", "（本文来源于网络，如有侵权，请联系我们删除）",
    ],
    "related_heads": ["猜你喜欢", "相关新闻", "延伸阅读", "推荐阅读", "往期推荐", "热门推荐", "你可能还喜欢",
                      "相关文章推荐", "精彩推荐", "大家都在看", "更多精彩内容", "看了又看"],
    "rank_heads": ["24小时热榜", "点击排行", "本月热门", "热门下载", "阅读排行", "热点排行", "本类排行", "评论最多"],
    "more": ["加载更多", "查看全部 >", "点击加载更多", "更多 »", "换一换"],
    "pager": ["上一篇：{o1}", "下一篇：{o2}", "上一条：{o1}", "下一条：{o2}", "« 上一页 1 2 3 下一页 »", "第1页 第2页 下一页",
              "共2页: 上一页 1 [2] 下一页", "返回顶部", "返回列表"],
    "comments_head": ["网友评论", "全部评论（{k}）", "最新评论", "写评论...", "写下你的评论...", "评论区", "热门评论",
                      "发表评论", "共{k}条评论"],
    "comment_meta": ["{user} {md} {time}", "{user}　{city}　{k}赞", "{user} · {city} · 回复", "{k}楼 {user}"],
    "comment_bodies": ["说得太对了", "支持！", "这个政策好", "学习了", "早该这样了", "点赞👍", "希望能落实到位",
                       "关注中", "我们这边也是", "有道理"],
    "footers": [
        "Copyright © {year} {site} All Rights Reserved", "{site} 版权所有 未经书面授权禁止使用",
        "主办单位：{site}　承办单位：{site}办公室", "网站标识码：{n}　{icp}", "互联网新闻信息服务许可证：{n}",
        "违法和不良信息举报电话：010-{n}", "联系电话：0551-{n}　邮箱：news@{domain0}", "{icp}-1　京公网安备 {n}号",
        "网站地图 | 联系我们 | 关于我们 | 隐私条款", "增值电信业务经营许可证：{icp}", "网络文化经营许可证 浙网文〔2023〕{k}号",
    ],
    "icp": ["皖ICP备{n}号", "蜀ICP备{n}号", "粤ICP备{n}号"],
    "download_meta": [
        "软件大小：{k}.5MB", "软件语言：简体中文", "软件类别：国产软件 / 免费软件", "更新时间：{date}", "运行环境：Win10/Win8/Win7",
        "授权方式：免费版", "软件评级：★★★★☆", "官方网站：https://{domain}", "下载次数：{n}", "应用平台：Android",
    ],
    "download_chrome": ["立即下载", "本地下载", "高速下载", "电信下载 联通下载 移动下载", "下载地址", "相关下载",
                        "同类软件", "网友评论", "热门关键字", "安全无毒"],
    "gov_chrome": ["【字体：大 中 小】", "【打印】 【关闭】", "分享：", "索引号：{n}/{year}-{k}", "发布机构：{site}办公室",
                   "成文日期：{date}", "主题分类：综合政务", "文　　号：滨政办〔{year}〕{k}号", "相关链接：",
                   "政务服务 | 政务公开 | 互动交流 | 走进滨江"],
    "tieba": {
        "board": ["{sec}吧", "{city}吧"],
        "chrome": ["只看楼主 收藏 回复", "收起回复", "来自Android客户端", "来自iPhone客户端", "该楼层疑似违规已被系统折叠 隐藏此楼查看此楼",
                   "回复 {user} :", "送TA礼物", "{k}楼{date} {time}", "楼主 {user}", "贴吧用户_{n}", "吧务", "发表回复"],
        "replies": ["顶顶", "感谢分享", "楼主辛苦了", "mark", "有意思", "涨知识了", "帮顶", "插眼", "前排围观", "学到了"],
    },
    # --- must-keep lines inserted into the article (gold keeps them) -------------------
    "headings": [
        "一、基本情况", "二、主要做法", "三、下一步打算", "（一）加强组织领导", "（二）完善保障机制", "多方协力破解难题",
        "数据背后的变化", "记者观察", "专家解读", "新闻背景", "【政策解读】", "■ 现场",
        "困境：人手不足", "变化：从“要我做”到“我要做”", "未来：还有哪些空间？", "01 增长从哪里来", "Part 2 市场反应",
    ],
    "short_prose": [
        "他说。", "这是为什么？", "答案是肯定的。", "记者注意到，情况正在好转。", "“我们会一直干下去。”",
        "来源于基层的声音，往往最真实。", "编辑部收到了大量读者来信。", "作者在书中写道：“路是走出来的。”", "数据显示：",
        "具体措施如下：", "第一，扩大覆盖面。", "第二，提高补助标准。", "1. 提前规划出行时间。", "2. 注意保暖防滑。",
        "3. 遇到问题及时拨打服务热线。", "截至目前，共有1200余人参与。", "以上措施自2024年1月1日起施行。", "好了，问题来了。",
        "更多的变化还在后面。", "分享到这里，他停顿了一下。", "点赞的人越来越多。", "责任编辑这个岗位，他干了二十年。",
        "转载这篇文章的网友不少。", "阅读量突破了十万。",
    ],
    "seo_keywords": ["顺丰快递查询单号", "个人所得税app下载", "社保卡余额查询", "车险报价计算器"],
    "seo_lines": ["{kw}_{kw}官网", "{kw}【{kw}入口】", "{kw}（最新版）_{kw}"],
}
