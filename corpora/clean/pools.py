"""Noise string pools for the clean-stage dev and held-out pages (issue 8).

Two pools with DISJOINT strings: site names, navigation words, meta labels, list
headings, closers, footers, picture notes, SEO keywords, spam word lists, forum
chrome, blog chrome, and markup styles. ``DEV`` may resemble the seeds (it is the
set rules are tuned on); ``HELDOUT`` shares no string with ``DEV`` nor with the
seeds' boilerplate (``tests/evaluate/test_clean_corpus.py`` asserts both). Every
Chinese string a template writes comes from here, so the check covers all of them.

Templates (``make_pages.py``) fill ``{site}``, ``{domain}``, ``{t}`` (title),
``{kw}`` (SEO keyword), ``{n}``, ``{date}``, ``{time}``, ``{user}`` ... placeholders.
"""
from __future__ import annotations

DEV: dict = {
    "name": "dev",
    "sites": [
        ("财经快报网", "www.cjkb.net"),
        ("闽南资讯港", "www.mnzxg.com"),
        ("九州科技在线", "www.jzkj.cn"),
        ("天天生活网", "www.ttshw.com"),
        ("悠然下载站", "www.yrxz.net"),
        ("北斗新闻网", "news.bdxw.cn"),
    ],
    "home": ["首页", "网站首页"],
    "sections": ["财经", "股票", "科技", "汽车", "房产", "教育", "健康", "旅游", "娱乐", "体育", "软件教程", "手游攻略"],
    "nav_extra": ["登录", "注册", "投稿", "APP下载", "搜索"],
    "crumb_prefix": ["当前位置：", "您的位置："],
    "crumb_sep": [" > ", " » "],
    "crumb_tail": ["正文", "内容页"],
    # byline/meta line formats
    "meta": [
        "发布时间：{date} {time}　来源：{src}　作者：{author}",
        "{author} {date} {time} {n} 浏览",
        "更新时间:{date} {time}来源:{site}浏览量:{n}",
        "时间：{date}　阅读：{n}次",
    ],
    "sources": ["新华网", "中国新闻网", "央视新闻客户端", "澎湃新闻", "本站原创"],
    "authors": ["小鹿", "admin", "李晓明", "编辑部", "DouLiu"],
    "bylines": ["出品/财经观察", "文/记者 王磊", "编辑/张婷"],
    "share": ["分享到：微信 QQ 微博", "收藏本文", "字体：大 中 小"],
    "related_heads": ["相关推荐", "热门文章", "相关阅读"],
    "rank_heads": ["热门排行", "本周热榜", "游戏排行", "最新更新"],
    "more": ["查看更多", "更多>>"],
    "closers": [
        "以上就是小编为大家整理的{t}的相关内容，希望能帮到大家。",
        "以上便是{site}小编带来的{t}全部内容，更多精彩请关注{site}。",
        "好了，以上就是本期的全部内容啦，喜欢的朋友记得点赞关注哦！",
    ],
    "footers": [
        "Copyright © {year} {site} 版权所有",
        "本站部分内容来源于网络，如有侵权请联系我们删除。",
        "关于我们 | 联系我们 | 广告合作 | 免责声明",
        "免责声明：本文仅代表作者个人观点，与本站无关。",
    ],
    "icp": ["京ICP备{n}号", "闽ICP备{n}号-1"],
    "source_tail": ["（来源：{src}）", "（文章来源：{src}）", "责任编辑：{author}"],
    "pic_notes": ["（资料图）", "(资料图片仅供参考)", "图片来源：网络", "点击图片查看大图"],
    "seo_keywords": ["京东客服电话人工服务", "美团外卖商家入驻", "微信视频号怎么开通", "淘宝运费险怎么退", "支付宝客服电话"],
    "seo_lines": ["{kw}是多少,{kw}", "{kw}怎么转人工,{kw}", "{kw}（{kw}最新）"],
    "spam_words": [
        "澳门新葡京娱乐", "百家乐在线开户", "时时彩计划网", "北京赛车pk10开奖", "真人棋牌游戏", "足球投注平台",
        "六合彩开奖记录", "老虎机免费试玩", "网上赌场排行", "体育彩票分析", "成人影院在线", "免费午夜影院",
        "高清无码专区", "美女直播福利", "亚洲精品一区", "日韩高清视频", "国产精品观看", "欧美大片免费看",
    ],
    "spam_suffixes": ["在线观看", "免费", "官网", "平台", "网址"],
    "spam_sep": ["| ", "_"],
    "forum": {
        "style": "discuz_labels",
        "board": ["{site}论坛_网友交流社区", "{site}社区 - 经验交流"],
        "labels": {"title": "标题:", "author": "作者:", "time": "时间:", "print": "[打印本页]"},
        "users": ["风清扬2008", "xiaomi_fan", "老张说事", "zhangwei88", "秋天的叶子", "bluesky", "阿杰", "tomcat_cn"],
        "replies": ["顶一个", "学习了，感谢分享", "mark一下", "支持一下楼主", "好东西，收藏了", "说得很有道理",
                    "来看看", "路过", "谢谢分享，受益匪浅"],
        "disclaimer": ["免责声明：本帖内容由网友发布，仅供参考。"],
        "welcome": ["欢迎光临 {board} (http://{domain}/)"],
        "powered": ["Powered by Discuz! X3.4"],
    },
    "blog": {
        "front_matter": "yaml",
        "categories": ["news", "caijing"],
        "tags": ["热点新闻", "财经资讯"],
        "back_links": ["[返回新闻列表](/news/)", "[返回首页](/)"],
        "posted": ["写于 {date}，作者 {author}"],
        "cat_label": "分类目录：",
        "tag_label": "标签：",
        "prev": "上一篇：",
        "next": "下一篇：",
        "comment_head": ["发表评论", "您的邮箱地址不会被公开。"],
    },
    "html": {
        "content_class": ["article-content", "content"],
        "para": "p",
        "img": '<img src="http://img.{domain}/uploads/{y}/{m}/{hex}.jpg" alt="" />',
        "md_img": "![]({url})",
    },
}

HELDOUT: dict = {
    "name": "heldout",
    "sites": [
        ("云帆头条", "www.yftoutiao.com"),
        ("江城热点网", "www.jcrd.cn"),
        ("海峡视窗", "www.hxsc.net"),
        ("百晓生知识网", "www.bxszs.com"),
        ("星辰观察", "www.xcgc.org"),
        ("东篱资讯", "www.dlzx.cc"),
        ("青禾软件园", "www.qhrjy.com"),
    ],
    "home": ["主页", "返回主页"],
    "sections": ["要闻", "时政", "法治", "文旅", "三农", "数码", "家居", "职场", "美食", "军事", "装机必备", "单机游戏"],
    "nav_extra": ["会员中心", "手机版", "订阅", "网站导航", "帮助"],
    "crumb_prefix": ["您现在的位置：", "所在栏目："],
    "crumb_sep": [" / ", " → "],
    "crumb_tail": ["阅读全文", "详情"],
    "meta": [
        "{date_cn} {time}　稿源：{src}　撰稿：{author}",
        "出处：{src} | {date_cn} | 点击数：{n}",
        "{author} · {date} · 人气：{n}",
        "发表日期：{date}　{n}人已读",
    ],
    "sources": ["人民网", "光明网", "经济日报", "21世纪经济报道", "原创投稿"],
    "authors": ["木子", "小编阿飞", "陈思远", "采编中心", "xcgc_editor"],
    "bylines": ["策划/融媒体中心", "记者 周航 通讯员 刘洋", "撰文｜陈默"],
    "share": ["一键分享：朋友圈 / 豆瓣 / 空间", "加入书签", "【打印】【关闭窗口】"],
    "related_heads": ["猜你喜欢", "延伸阅读", "精选推荐"],
    "rank_heads": ["24小时排行", "点击榜", "编辑精选", "装机必备软件"],
    "more": ["点此进入专题", "加载更多"],
    "closers": [
        "关于{t}的内容就介绍到这里，觉得有用的话记得收藏{site}哦。",
        "今天的分享就到这里，{t}的更多动态请持续关注{site}。",
        "本文由{site}整理发布，转载请保留出处。",
    ],
    "footers": [
        "© 2016-{year} {domain} All Rights Reserved.",
        "未经书面授权，禁止转载、摘编或镜像本站内容。",
        "违法和不良信息举报电话：400-{tel}",
        "网站地图 · 意见反馈 · 商务合作 · 加入我们",
    ],
    "icp": ["粤ICP备{n}号-2", "浙公网安备 {n}号"],
    "source_tail": ["【稿件来源：{src}】", "本文转自：{src}", "编审：{author}"],
    "pic_notes": ["（图片源自网络，侵删）", "▲图片由读者提供", "（配图与本文无关）", "长按识别二维码查看原文"],
    "seo_keywords": ["快手小店开通条件", "花呗额度提升技巧", "拼多多砍价免费拿", "小红书怎么涨粉", "个人所得税app退税",
                     "闲鱼交易纠纷处理"],
    "seo_lines": ["{kw}有哪些,{kw}", "{kw}2024最新教程_{kw}", "{kw}全攻略 {kw}"],
    "spam_words": [
        "皇冠体育现金网", "太阳城娱乐官网", "威尼斯人线上", "金沙娱乐场", "德州扑克真钱", "快三稳赚计划",
        "幸运飞艇开奖", "亚博电竞下注", "捕鱼达人赢钱", "大发快三技巧", "深夜福利社", "私密直播间",
        "两性影院", "宅男必看资源", "午夜剧场", "韩漫无删减", "网红主播私拍", "男人的天堂",
    ],
    "spam_suffixes": ["入口", "安装包", "最新地址", "合集", "永久"],
    "spam_sep": ["\u3000", " / "],
    "forum": {
        "style": "floor",
        "board": ["{site}社区 - 网友互助", "{site}交流区"],
        "labels": {"posted": "发表于", "floor": "{n}#", "only": "只看该作者", "actions": "回复 引用 举报",
                   "edited": "本帖最后由 {user} 于 {date} {time} 重新修改", "starter": "发帖人"},
        "users": ["雨后彩虹", "kevin_2021", "江南布衣", "橘子汽水", "phoenix77", "老李头", "墨染青衣", "sunny_day"],
        "replies": ["先收藏了，回头细看", "帮顶一下", "插眼待看", "写得挺全面的，赞", "有没有后续？", "感谢科普",
                    "同问，坐等大佬解答", "这个必须支持"],
        "disclaimer": ["声明：帖子内容仅代表网友个人看法，本社区不承担责任。"],
        "welcome": ["{board} | 手机版 | 小黑屋"],
        "powered": ["Powered by phpwind 9.0 © 2003-2024"],
    },
    "blog": {
        "front_matter": "toml",
        "categories": ["shishi", "minsheng"],
        "tags": ["社会观察", "每日速递"],
        "back_links": ["[← 回到文章列表](/posts/)", "[订阅 RSS](/index.xml)"],
        "posted": ["{author} · {date} · {cat}"],
        "cat_label": "所属专题：",
        "tag_label": "本文标签：",
        "prev": "« ",
        "next": " »",
        "comment_head": ["评论区", "登录后才能参与讨论"],
    },
    "html": {
        "content_class": ["post-body", "detail-txt"],
        "para": "br",
        "img": '<figure><img data-src="//cdn.{domain}/pic/{hex}.png" class="lazy"></figure>',
        "md_img": '![{t}]({url} "{t}")',
    },
}

POOLS = {"dev": DEV, "heldout": HELDOUT}


def strings(pool: dict) -> list[str]:
    """Every literal noise string of a pool (placeholders cut out), for the
    disjointness check: the fragments between ``{...}`` fields, at least 2 chars."""
    import re

    out: list[str] = []

    def walk(x):
        if isinstance(x, str):
            if x in ("dev", "heldout", "yaml", "toml", "p", "br", "discuz_labels", "floor"):
                return
            for frag in re.split(r"\{[^}]*\}", x):
                frag = frag.strip(" \u3000|·:：/_-»«→>()（）[]【】#")
                if len(frag) >= 2:
                    out.append(frag)
        elif isinstance(x, dict):
            for k, v in x.items():
                if k != "name":
                    walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)

    walk(pool)
    return out


def overlaps(mine: list[str], others: list[str], *, min_sub: int = 4) -> list[tuple[str, str]]:
    """Pairs ``(m, o)`` where ``m`` equals ``o``, or one contains the other and the
    contained one has at least ``min_sub`` characters (shorter common words such as
    下载 or 编辑 may recur inside longer, different strings)."""
    hits = []
    for m in mine:
        for o in others:
            if m == o or (len(m) >= min_sub and m in o) or (len(o) >= min_sub and o in m):
                hits.append((m, o))
    return hits
