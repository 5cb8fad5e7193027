"""Noise strings of the clean held-out v2 pages (issue 8), written 2026-11-23 by the held-out v2 helper.

Every boilerplate string ``make.py`` writes onto a page comes from :data:`POOL`: site names,
navigation, breadcrumbs, meta/byline lines, share bars, follow prompts, tag lines, related and
ranking headings, closers, footers, ICP lines, picture notes, disclaimers, pagination, SEO
keywords, porn/gambling spam words, three forum engines' chrome, blog front matter, WeChat and
mobile-page chrome. None of them equals or contains (>= 4 chars) a string of ``pools.DEV`` or
``pools.HELDOUT`` (v1), and none of >= 3 chars occurs in the seeds or the dev/held-out v1 pages
(``make.py --check`` asserts both). The strings imitate real Chinese sites as the writer knows
them; they were not fitted to any cleaner rule (the writer did not read nlp/clean).

Placeholders filled by ``make.py``: ``{site} {domain} {t} (title) {kw} (SEO keyword) {date}
{date_cn} {time} {n} {year} {src} {author} {tel} {user} {board}``.
"""
from __future__ import annotations

POOL: dict = {
    "name": "heldout2",
    "sites": [
        ("鹭岛财经网", "www.ludaocj.com"),
        ("中原消费观察", "www.zyxfgc.cn"),
        ("锦程商讯", "www.jcshangxun.com"),
        ("洞见财经", "www.djcj.cn"),
        ("银杏百科", "www.yxbaike.net"),
        ("千岛湖在线", "www.qdhzx.net"),
        ("优品下载园", "www.ypxzy.com"),
        ("黄河民生网", "www.hhmsw.org"),
    ],
    # sites used on Traditional pages (converted with the page): Taiwan / Hong Kong portals
    "sites_tw": [("宝岛生活志", "www.bdshz.tw"), ("中台湾新闻网", "www.ztwxw.com.tw")],
    "sites_hk": [("大湾区商情网", "www.dwqsq.hk"), ("香江财经", "www.hkcj.com.hk")],
    "home": ["回到首页", "本站首页", "HOME"],
    "sections": ["宏观", "金融", "楼市", "车市", "地方", "创投", "上市公司", "理财", "民生热线", "国际观察", "深读",
                 "快讯", "数读", "时评"],
    "sections_tw": ["地方新闻", "消费生活", "国际焦点", "政治", "理财频道"],
    "sections_hk": ["港闻", "即时新闻", "两岸", "地产", "财经快讯"],
    "nav_extra": ["无障碍浏览", "移动端", "EN", "意见箱", "读者热线", "电子报"],
    "crumb_prefix": ["位置：", "所处位置：", "你在这里：", ""],
    "crumb_sep": [" >> ", " - ", "＞", " | "],
    "crumb_tail": ["稿件详情", "查看内容", "本文"],
    # update-time / source / view-count lines
    "meta": [
        "发稿时间：{date} {time}　供稿单位：{src}　录入：{author}",
        "{date_cn}{time} 出品方：{src} 阅览：{n}",
        "{src}｜{date} {time}｜{n}次围观",
        "成稿 {date} · 约{k}分钟读完 · {n}阅",
        "日期：{date}　访问量：{n}　字号：T｜T",
    ],
    "sources": ["证券时报网", "华夏时报", "南方日报", "每日经济新闻", "经济参考网", "本站编译"],
    "authors": ["周晓雯", "钱多多", "zhang_editor", "编辑组", "老K", "林一帆"],
    # byline / editor lines
    "bylines": ["责任校对：{author}", "审核｜{author}", "统筹：{author}", "当班编辑 {author}", "监制｜{author}",
                "图文/{author}", "本期编辑：{author}"],
    "share": ["分享至：微信好友 | 新浪微博 | QQ空间", "转发 收藏 点赞", "扫一扫，分享到朋友圈",
              "【纠错】【收藏】【推荐给好友】", "分享到 LINE / Facebook / Plurk"],
    "follow": ["请关注{site}公众号，第一时间获取权威解读", "长按下图识别小程序，订阅更多好文", "点击右上角“…”，设为星标，不错过每一篇好文",
               "喜欢本文请点个“在看”", "欢迎关注我们的视频号：{site}"],
    "tag_labels": ["本文关键字：", "专题词：", "Tag标签：", "文章标签："],
    "tags": ["宏观经济", "消费升级", "政策速读", "营商环境", "民生关注", "市场动态"],
    "related_heads": ["同类文章", "热读推荐", "猜你想看", "小编力荐", "往期回顾", "看了本文的人还看了"],
    "rank_heads": ["热门点击", "人气排行", "今日热搜", "一周热门", "实时热点"],
    "more": ["展开更多>", "换一批", "更多新闻 >"],
    # '以上便是小编…' kind of closers
    "closers": [
        "到这里，关于{t}的话题就聊完了，大家还有什么想法欢迎在评论区留言。",
        "小编今天就为大家分享到这儿啦，想了解更多{t}的动向，记得常来{site}看看！",
        "以上内容是{site}为您精心整理的{t}，希望可以帮助到您。",
        "感谢阅读！{t}就聊到这儿，欢迎常来{site}逛逛。",
        "看完这篇文章，相信大家对{t}有了一定的了解，如有疑问可以咨询{site}客服。",
    ],
    "footers": [
        "©{year} {domain} 保留一切权利",
        "本网刊载的所有内容，著作权归{site}所有，未经许可不得复制。",
        "联系电话：0592-{tel}　邮箱：service@{host}",
        "网站简介 | 诚聘英才 | 隐私政策 | 用户协议 | 友情链接",
        "信息网络传播视听节目许可证：{n}",
        "{site}提醒您：理性消费，谨防诈骗",
    ],
    "icp": ["晋ICP备{n}号-3", "川ICP备{n}号", "苏公网安备{n}号", "沪ICP证{n}号"],
    "source_tail": ["（稿件来自：{src}）", "原文地址：{url}", "文章转载自{src}，如涉版权请联系删除"],
    # picture notes that are labels (caption rule: removed)
    "pic_notes": ["（图片转自网络平台）", "图源：视觉中国", "(本文配图均来自网络)", "▼点击图片放大", "（示意图）", "（图/受访人提供）"],
    "disclaimers": ["声明：本文仅供参考，不构成投资建议。", "特别提示：文中观点仅供参考，据此操作风险自担。",
                    "【免责声明】本文系网络转载，内容不代表本平台立场。"],
    "pagination": ["上页 1 2 3 下页", "首页 上一页 1 2 下一页 尾页", "共3页 第1页"],
    # in-sentence SEO keywords (consumer queries) and their standalone lines
    "seo_keywords": ["信用卡逾期怎么协商还款", "京东白条提额方法", "中通快递电话人工", "医保卡家人共济怎么开通",
                     "12315投诉平台电话", "公积金提取条件", "二手车估价app"],
    "seo_lines": ["{kw}({year}年更新),{kw}", "{kw}_{kw}官方", "【{kw}】{kw}详细步骤", "{kw}？一文看懂{kw}"],
    "farm_heads": ["{kw}，{kw}怎么办理", "{kw}({kw}详细介绍)", "{kw}有什么技巧-{kw}"],
    "farm_toc": "本文目录一览：",
    "farm_toc_item": "{k}、{s}",
    "farm_prevnext": ["前文回顾：", "后文预告："],
    "farm_notice": "版权说明：本文内容由互联网用户自发上传，本站仅提供信息存储空间服务。",
    # porn / gambling spam
    "spam_words": [
        "葡京赌场网址", "银河娱乐平台", "AG真人视讯", "bet365体育在线", "彩票计划群", "牛牛棋牌下载", "开元棋牌官网",
        "电子游艺送彩金", "六肖中特", "免费黄色网站", "成人影片下载", "午夜激情视频", "无码高清播放", "偷拍自拍专区",
        "日本AV在线", "丝袜美腿福利", "少妇熟女视频", "秘密花园影视",
    ],
    "spam_suffixes": ["高清下载", "免登录", "在哪看", "app", "不卡", "资源网"],
    "spam_sep": ["、", "；", " "],
    "spam_head_sep": [" - ", "丨", ","],
    "forums": {
        "discuz": {
            "board": ["{site}社区论坛", "{site}财经杂谈版"],
            "page_title": "{t} - {board}",
            "stats": "点阅 {n} / 跟帖 {m}",
            "copy": "[分享本帖]",
            "posted": "{user} 发表时间：{date} {time}",
            "floors": ["主楼", "二楼", "三楼", "四楼"],
            "floor_n": "{n}#",
            "tools": "评分 收藏 分享 支持 反对",
            "edited": "本帖由 {user} 在 {date} {time} 编辑过",
            "powered": "Powered by Discuz! X3.5 © 2001-2024 Comsenz Inc.",
            "footer": "{site}社区论坛 ( 晋ICP备{n}号 ) Archiver | 站务联系",
        },
        "tieba": {
            "board": ["{board}吧"],
            "boards": ["理财", "经济学", "省钱", "宁波"],
            "head": "只看楼主 | 收藏本帖 | 我要回复",
            "floor": "{n}楼 {date} {time}",
            "client": ["来自华为手机客户端", "来自iPad客户端", ""],
            "fold": "收起楼中楼",
            "reply_to": "@{user} ",
            "footer": "©{year} 贴吧协议 | 吧主制度",
        },
        "vbulletin": {
            "board": ["{site} 论坛 > 经济与民生"],
            "post_no": "#{n}",
            "user_info": "注册日期: {y}-{m}  帖子: {n}",
            "quote": "引用:",
            "reply_title": "Re: {t}",
            "powered": "Powered by vBulletin® Version 4.2.5",
            "footer": "所有时间均为北京时间。现在的时间是 {time}。",
        },
        "users": ["财迷小周", "leo_2019", "东边日出西边雨", "一只咸鱼", "raincity", "老王在路上", "Sakura_wu", "阿布"],
        "replies": ["顶楼主", "坐沙发", "已阅，谢谢分享", "学到了，收藏先", "辛苦整理，支持", "说得在理", "前排兜售瓜子",
                    "默默点赞", "感谢楼主整理", "这个要转给家里人看看", "专业！"],
    },
    "blogs": {
        "hexo_categories": ["转载", "随笔"],
        "hexo_license": "本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明来自 {site}！",
        "hexo_link": "文章链接：{url}",
        "hexo_nav": ["较新文章", "较早文章"],
        "hexo_author": "本文作者：{author}",
        "zola_sections": ["econ", "society"],
        "zola_footer": "由 Zola 强力驱动 · 主题 Even",
    },
    "wechat": {
        "original": "独家原创 {author} {account} {date} {time} 属地：{prov}",
        "accounts": ["财经早餐铺", "民生观察室", "消费者之声"],
        "provs": ["江西", "甘肃", "贵州", "吉林"],
        "collection": "收录于合集",
        "topic": "#{tag} {n}个",
        "top": "点击上方蓝字“{account}”关注我们",
        "end": "—— 全文完 ——",
        "recent": "往期精彩",
        "like": "觉得不错，就点个“赞”和“在看”吧",
    },
    "mobile": {
        "open_app": "App内查看",
        "expand": "点击展开剩余全文",
        "report": "举报/反馈",
        "better": "打开{site}APP，阅读体验更佳",
        "hot": "网友热评",
        "follow": "＋订阅",
    },
    "html": {
        "content_class": ["article-body", "TRS_Editor", "art_con"],
        "img": '<img class="lazy" data-original="{url}" width="600" />',
        "md_img": "![图片]({url})",
    },
    # censored words (replaced by ** in the article itself, gold keeps **)
    "censor": ["维权", "投诉", "罚款", "曝光", "查处", "逾期", "赔偿", "欠薪", "腐败", "行贿", "拆迁", "走私"],
}
