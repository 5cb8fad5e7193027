"""Remove site chrome: navigation, meta/byline lines, related lists, closers, footers, forum chrome.

Lines are classified by patterns (seeds 000/001/002/004), then by position: the
*content zone* runs from the first to the last prose line that no pattern claimed;
chrome-looking lines are removed anywhere when a strong pattern matches, and only
outside the zone (page header / footer) when the evidence is weak (a bare
"关键词:" label, a "谢谢楼主" reply). Section headings and captions between
paragraphs are never touched here.
"""
from __future__ import annotations

import re

from ..document import Document, Edit, Reason
from ..stage import Stage
from .base import (
    OPTION_RE,
    Line,
    cjk_count,
    content_zone,
    ends_like_prose,
    first_char_guard,
    first_chars,
    is_prose,
    is_truncated,
    line_cache,
    literal_scan,
    line_span,
    lines_of,
    norm_line,
    option_under_question,
    punct_count,
    removals,
    keyword_phrase,
    repeated_phrase,
    required_literals,
    segments,
)

# --- navigation ------------------------------------------------------------
_NAV_RE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在的位置|所在位置|当前页面)\s*[:：]"
    r"|首页\s*[>›»＞/／→]|[>›»＞→]\s*(?:正文|列表|详情)\s*$"
)
_NAV_LINE_RE = re.compile(
    r"^(?:打印本页|打印本文|打印|关闭窗口|返回顶部|返回首页|返回列表|返回上一页|收藏本文|收藏本页|收藏|分享|分享(?:到|至)\s*[:：]?[^，。！？,]{0,20}|分享\s*[:：][^，。！？,]{0,20}"
    r"|(?:字体|字号)\s*[:：]?\s*[大中小]\s*[大中小]?\s*[大中小]?|上一篇.{0,60}"
    r"|下一篇.{0,60}|返回[^\s，。,]{1,8}[，,]\s*查看更多|上一页|下一页|网站地图|设为首页|加入收藏|点击进入|查看更多|更多\s*>+|阅读全文|展开全文|查看原文|阅读原文"
    # bracketed page tools, one or several ("【打印本页】 【关闭窗口】", gov sites); a
    # bracketed heading ("【政策解读】", dev2) is content, so only tool words qualify
    r"|(?:[\[【]\s*(?:打印|关闭|收藏|返回|分享|纠错|推荐|评论|字体|字号|顶部|全文|原文|复制|大|中|小|\s)"
    r"[^\]】]{0,6}[\]】]\s*)+)$"
    # previous/next-post links: "« 上一篇的标题", "下一篇的标题 »"
    r"|^[«‹]\s*[^«»‹›]{2,60}$|^[^«»‹›]{2,60}\s*[»›]$"
)
# --- meta / bylines ----------------------------------------------------------
_META_KEYS = (
    r"更新时间|发布时间|发表时间|发布日期|更新日期|发布于|发表于|上传时间|录入时间|时间|日期|文章来源|信息来源|稿件来源|新闻来源|来源"
    r"|原标题|作者|编辑|责任编辑|责编|小编|浏览量|浏览次数|浏览|阅读量|阅读数|阅读|点击量|点击数|点击|人气|评论数|字号|栏目|分类目录|分类|所属分类"
    r"|文章分类|标签|关键词|关键字|热门搜索|热搜|搜索热词|热门关键词|热门标签|话题|专题|Tags?|TAG|TAGS|稿源|终审|审核|审校|校对|监制|主编|原文链接"
)
#: an optional qualifier before the label: 本文来源, 值班编辑, 相关标签 (dev2; WeChat/portal tails)
_META_START_RE = re.compile(rf"^[（(【\[]?\s*(?:本文|原文|文章|稿件|信息|相关|值班|网络|图片)?(?:{_META_KEYS})\s*[:：]"
                            r"|^(?:本文|文章)?(?:转载自|转自|来自)[^，。]{1,20}[，,]\s*仅"
                            r"|^[（(]?(?:本文|文章)(?:转载自|转自|来自|为|系)[^，。()（）]{1,24}(?:原创(?:稿件|文章|内容)?|公众号|[)）])"
                            r"|^(?:关键词|关键字|标签|Tags?|TAG)\s+[^，。！？\s][^，。！？]{0,40}$")
_BYLINE_RE = re.compile(
    r"^[（(【\[]?\s*(?:出品|编辑|作者|记者|撰文|撰稿|文|图|摄影|摄|校对|审核|审校|监制|责任编辑|责编|策划|来源|通讯员|主编"
    r"|制图|视觉|设计|整理|编译|口述)\s*[/／:：|｜丨]\s*[^，。,；;！？]{1,30}$"
)
_REPORTER_RE = re.compile(r"^(?:本报|本台|本刊|新华社|中新网)?(?:记者|通讯员|特约记者)\s*[^\s，。,]{2,4}(?:\s+[^\s，。,]{2,4}){0,3}$")
#: a reporter byline must show the name apart ("记者 王磊", "本报记者王磊"): "记者观察",
#: "记者手记" are section headings (dev2), which a bare "记者XXXX" cannot be told from
_REPORTER_STRICT_RE = re.compile(r"^(?:\S{0,12}(?:记者|通讯员)\s+\S{2,4}|(?:本报|本台|本刊|新华社|中新网)\S{0,6}(?:记者|通讯员)\S{2,4})(?:\s+\S{2,12}){0,3}$")
#: a byline in brackets, name after a space: "（编辑 刘佳）", "【责任编辑：李然】" (dev2)
_BYLINE_PAREN_RE = re.compile(r"^[（(【\[]\s*(?:责任编辑|值班编辑|编辑|责编|作者|记者|校对|审核|来源|文|图)\s*[:：|｜/／\s]\s*[^（()）\[\]【】，。]{1,24}[)）】\]]$")
_DATE_RE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
)
_META_WORDS_RE = re.compile(rf"{_META_KEYS}|浏览|阅读|点击|评论|次|人|[0-9]+|[A-Za-z_.\-@]+|[:：|｜/／()（）\[\]【】\s]")
# --- captions ----------------------------------------------------------------
_CAPTION_RE = re.compile(
    r"^[（(【\[]?\s*(?:资料图片?|图片|图源|配图|示意图|网络图片|图片来源|图片由)\s*(?:仅供参考|来源\s*[:：].{0,30}|由.{0,20}提供"
    r"|[/:：].{0,30})?\s*[)）】\]]?$|^[（(]?\s*(?:图|摄影|摄)\s*[/／:：|｜]\s*[^，。\s][^，。]{0,19}[)）]?$"
    # photo credit "（央广网记者 周一鸣 摄）" (README caption rule: credits go), "▲资料图"
    # and "（本文配图来自网络）" picture notes, a player placeholder "视频加载中..." (dev2)
    r"|^[（(][^（()），。]{0,24}摄\s*[)）]$|^[▲△]\s*[^。，,]{0,18}$|^[（(]?\s*(?:本文|文中)?配图[^。]{0,14}[)）]?$"
    r"|^(?:视频|图片|内容)?(?:正在)?加载中\s*(?:\.{1,3}|…)?$"
    r"|^[（(【\[]?\s*图片(?:来自|来源于?|源自)网络[^。]{0,10}[)）】\]]?$|^[（(【\[]\s*图片说明\s*[)）】\]]$"
    r"|^[（(【\[]\s*(?:视频|网络|资料|现场)?(?:截图|截屏|照片)\s*[)）】\]]$|^[（(]\s*(?:摄影|摄|图|文/图)\s+[^（()），。]{1,20}[)）]$"
    r"|^[（(【\[]?[^。，（()）]{0,6}(?:配图|图片)[^。，]{0,6}(?:来源于|来自|源自)网络[^。]{0,8}$"
    r"|^[（(【\[]?[^。，]{0,8}AI\s*(?:生成|制作|绘制)[^。，]{0,4}[)）】\]]?$"
    r"|^[（(【\[]\s*[^（()）]{0,6}图[片像]?\s*[,，]?\s*(?:仅供参考|来源于?网络)\s*[)）】\]]$"
    r"|^[（(【\[]?\s*(?:点击|单击|轻触|查看)(?:图片|图像|此处)?(?:可)?(?:查看|放大|浏览|看)?(?:大图|原图|高清图|图片)\s*[)）】\]]?$"
)
# --- related lists -------------------------------------------------------------
_RELATED_HEAD_RE = re.compile(
    r"^(?:相关|热门|热点|最新|推荐|精彩|猜你|大家都在|你可能|可能|更多|延伸|本周|今日|火爆|人气|必备|同类|其他|编辑|小编|站长|为你|为您)"
    r".{0,6}(?:推荐|阅读|文章|新闻|资讯|链接|内容|专题|游戏|软件|应用|排行|榜|喜欢|感兴趣|看|玩|下载|教程|攻略|标签"
    r"|话题|视频|图片|更新|文档|搜索)(?:榜)?\s*[:：>》]*$"
    r"|^(?:游戏|软件|应用|文章|下载|热门|人气|新闻)?排行(?:榜)?$"
)
# --- closers -----------------------------------------------------------------------
_CLOSER_RE = re.compile(
    r"以上(?:便|就)?是小编|小编(?:为|给)(?:大家|你|您)|希望(?:对|能|可以)?(?:帮助到)?(?:大家|你|您)(?:有所)?帮助"
    r"|更多.{0,8}(?:请|敬请)(?:继续|持续)?关注|感谢(?:您的|你的|大家的)?(?:阅读|观看|收看)|扫码关注|长按(?:识别)?二维码"
    r"|点击(?:上方|下方|右上角).{0,8}关注|(?:本文|文章|以上内容)(?:由|来自).{0,20}(?:整理|发布|提供)(?:，|,|。|$)"
    r"|以上(?:就|便)?是.{0,12}(?:全部|所有|相关)内容|本期(?:的)?(?:全部)?内容(?:就)?(?:到这里|结束)|(?:点赞|记得|欢迎)\S{0,4}关注(?:$|[^\u4e00-\u9fff]|我|本号|本站|小编|哦|吧|一下)"
    r"|(?:欢迎|可以|请)?在评论区(?:留言|讨论|分享|说说|告诉)|欢迎(?:大家)?(?:留言|评论)|留言(?:说说|讨论|告诉|分享)"
    r"|(?:我们)?下期(?:再见|再会|见)[!！。~～]*$|以上(?:就|便)?是(?:今天|今日|本期|这期)[^。]{0,12}(?:的)?内容|今天的(?:分享|文章|内容)(?:就)?(?:先)?(?:写)?(?:到这里|到这儿|就到这)|感谢(?:您的|你的|大家的)?耐心(?:阅读|观看)"
    r"|(?:别忘了|记得)(?:点赞|转发|收藏|一键三连)|(?:别忘了|记得)关注(?:我|本号|小编|哦|吧)|转发给(?:身边的)?(?:朋友|好友)|全文完|设为星标|点个?\s*[“\"]?在看"
    r"|(?:关注|订阅)(?:我的|本|我们的)(?:头条号|公众号|百家号|视频号|抖音号)|^(?:请|欢迎)?(?:关注|订阅)[^，。,\s]{0,10}(?:公众号|头条号|百家号|视频号)(?!查询|办理|预约)|(?:下载|打开)[^\s_|｜（(【,，]{0,12}(?:客户端|APP|App|app)"
    r"|打开今日头条|长按(?:识别|扫描)|识别(?:下方|上方|图中)?二维码|扫描(?:下方|上方)?二维码|分享至好友|分享到朋友圈|三连支持|一键三连"
    r"|希望(?:对|能|可以)?(?:你|您|大家)有所(?:启发|帮助|收获)|码字不易|点击(?:上方|下方|这里|此处).{0,10}(?:阅读原文|查看更多|了解更多)"
    r"|(?:星标|置顶)(?:我们|本号|公众号)|(?:欢迎|记得)订阅|订阅本号|(?<![“\"「‘])(?:我们)?(?:明天|下次|下篇)(?:再)?见[!！。~～]*$"
    r"|(?:本文|全文|本期|今天的内容)(?:就)?到此结束|谢谢(?:观看|阅读|收看)[!！。~～]*$|小编(?:就)?(?:介绍|分享|整理|说)到这|(?:快来|快|请)关注我们|关注我们吧"
    r"|抢沙发|长按(?:下方|上方)?二维码|(?:按住|长按)(?:下方|上方|图中)?(?:的)?(?:小程序|二维)码|在(?:客户端|APP|App|app)(?:里|中|内)?(?:看|阅读|浏览)(?![到见])|点个?赞吧|(?:喜欢|觉得有用)[^。，]{0,8}(?:请|就|记得)?(?:转发|点赞|分享|收藏)(?:吧|一下)?[!！。~～]*$"
)
#: closer phrases that a paragraph can also say in passing ("…哄骗受害者下载app充值…", an
#: inews paragraph of held-out v12): on a line over :data:`_SHORT_CLOSER_MAX` characters a
#: closer needs another phrase
_SHORT_ONLY_CLOSER_RE = re.compile(
    r"(?:下载|打开)[^\s_|｜（(【,，]{0,12}(?:客户端|APP|App|app)|在(?:客户端|APP|App|app)(?:里|中|内)?(?:看|阅读|浏览)")
_SHORT_CLOSER_MAX = 60
# --- footers -----------------------------------------------------------------------
_FOOTER_STRONG_RE = re.compile(
    r"版权所有|版权归.{0,12}所有|Copyright|©|\(c\)\s*\d{4}|All Rights Reserved|公网安备|Powered by"
    r"|^免责声明|^声明\s*[:：]|^欢迎光临|违法和不良信息举报|未经(?:许可|授权|同意).{0,12}(?:转载|复制|使用)"
    r"|转载请(?:注明|保留)|(?:联系|通知)(?:站长|本站|我们).{0,10}删除|本站(?:所有|部分)?(?:文章|内容|资源|信息|图片)"
    # takedown/opinion notices and investment warnings (dev2; portal and WeChat tails)
    r"|^[【\[]?(?:风险提示|特别声明|郑重声明|版权声明)[】\]]?\s*[:：]?|^(?:本文|以上|文章|内容|本站)[^。]{0,20}不构成(?:任何)?(?:投资)?建议|联系(?:我们|本站|小编)?删除\s*[)）。.!！]?$|(?:如需|禁止|谢绝|严禁)转载|转载(?:须|需)(?:经|获得|联系)"
    r"|不代表本(?:站|网|平台|号)(?:的)?(?:观点|立场)|仅代表作者(?:本人|个人)?(?:的)?(?:观点|立场)|^以上内容仅供参考"
    # learning-use/takedown notes, investment warnings, comment disclaimers, browser hints
    r"|(?:仅|只)(?:供|用于)学习(?:交流|参考)|侵删|^(?:风险提示\s*[:：]\s*)?投资有风险|(?:本站|本网|本平台)(?:同意|赞同)其观点|证实其描述"
    r"|(?:观点|内容)仅代表作者|著作权归.{0,8}所有|建议使用.{0,20}(?:分辨率|浏览器)",
    re.I,
)
_FOOTER_WEAK_RE = re.compile(
    r"^(?:关于我们|联系我们|商务合作|广告服务|广告合作|网站声明|网站简介|意见反馈|帮助中心|隐私政策|用户协议|友情链接|投稿|招聘|加入我们"
    r"|技术支持|举报(?:电话|邮箱)?)(?:\s*[:：|｜].*)?$|如有侵权|侵权.{0,6}(?:联系|删除)"
)
#: licence lines of a site footer ("互联网新闻信息服务许可证：…", "网络文化经营许可证 浙网文〔2023〕21号");
#: kept apart from _FOOTER_STRONG_RE, whose first-character guard a leading [^…] would disable
#: an ICP record line; a sentence that quotes a site's ICP number is prose (inews:
#: "记者注意到，其网站下端标注的icp备案号为…，也就是说…")
_ICP_RE = re.compile(r"^[^，。！？]{0,40}ICP\s*(?:备|证)[^，。！？]{0,40}$", re.I)
_LICENCE_RE = re.compile(r"^[^，。！？\s]{2,16}许可证(?:号|编号)?\s*[:：]?\s*[^，。！？]{1,40}$")
# --- forum (Discuz) ----------------------------------------------------------------------
_FORUM_LABEL_RE = re.compile(r"^(?:作者|时间|发表于|发表时间|楼主|回复|楼层|标题|主题)\s*[:：]?$")
#: a floor-style post header: "2# user 发表于 2020-04-17 13:29", "3楼 user 2021-5-4".
_FLOOR_RE = re.compile(
    r"^(?:第?\s*\d{1,5}\s*(?:#|楼|F|樓|层|層)|#\s*\d{1,5}|沙发|板凳|地板|楼主)\s*[:：]?\s+\S{1,30}\s+.{0,20}?"
    r"(?:发表于|发表在|发布于|发表时间|回复于|\d{4}\s*[-/年]\s*\d{1,2}\s*[-/月]\s*\d{1,2})"
)
_FORUM_INLINE_RE = re.compile(
    r"^(?:作者|楼主)\s*[:：]\s*\S{1,30}\s+(?:时间|发表于)\s*[:：]?.{0,30}$|^(?:发表于|回复于)\s*\d{4}|^\d{1,5}\s*(?:#|楼)$"
    r"|^(?:楼主|发帖人|发起人)\s*[:：]\s*\S{1,30}$|^本帖最后由.{1,60}编辑$|^(?:最后)?(?:编辑|修改)于\s*\d{4}.{0,30}$"
    r"|^(?:(?:回复|引用|举报|支持|反对|评分|分享|收藏|只看该作者|使用道具|顶|踩|点赞|TOP|返回列表)\s*){2,}$"
    r"|^(?:沙发|板凳|地板|楼主|顶|只看该作者|举报|回复|引用|使用道具|返回列表)$"
)
#: the characters a line matching any of the three forum rules starts with (a prefilter)
_FORUM_FIRST = getattr(first_chars(_FORUM_LABEL_RE, _FLOOR_RE, _FORUM_INLINE_RE), "match", None)
_LABEL, _INLINE, _FLOOR = 1, 2, 4


@line_cache  # forum chrome repeats on every post and page of a thread
def _forum_kind(s: str) -> int:
    """Which forum rules match the line, as bits: _LABEL, _INLINE, _FLOOR."""
    return ((_LABEL if _FORUM_LABEL_RE.match(s) else 0) | (_INLINE if _FORUM_INLINE_RE.match(s) else 0)
            | (_FLOOR if _FLOOR_RE.match(s) else 0))


_REPLY_WORDS_RE = re.compile(
    r"楼主|学习|谢谢|感谢|多谢|支持|顶|好文|不错|分享|赞|路过|收藏|厉害|优秀|6{3,}|mark|学到|围观|来了|看看|帖子|了解",
    re.I,
)
# --- comments (blogs) -----------------------------------------------------------
_COMMENT_HEAD_RE = re.compile(
    r"^(?:发表|我要|网友|最新|全部|热门)?(?:评论|留言|回复)(?:列表|区)?(?:\s*[（(]?\d*[)）]?)?\s*[:：]?$|^(?:发表|添加)(?:评论|回复|留言)"
    r"|^(?:已有|共有?)\d+(?:条|人)(?:评论|回复|留言)|(?:邮箱|邮件|电子邮箱|电子邮件)地址不会被公开|必填项已用.{0,3}标注"
    r"|^(?:昵称|评论内容|验证码)\s*[:：*]|^提交评论$|^(?:登录|注册)后(?:才能)?(?:发表|参与)?评论"
    r"|登录后(?:才可以|才能|方可|即可)?(?:回帖|回复|评论|发言|发表|查看)"
)
#: "用户名：回复" comment lines under a post (name without spaces, short reply).
_COMMENT_LINE_RE = re.compile(r"^[^\s：:，。,]{1,20}[：:]\s*[^：:]{1,40}$")

# --- page-end marks, share/counter bars, label-value lines (dev2) ------------------------
#: "- END -", "—— END ——", "本文完", "（完）", "【完】": a closed set of end marks.
_END_MARK_RE = re.compile(
    r"^[-—–_=~/·▍|\s]*(?:END|End|end|THE END|The End|完|全文完|本文完|正文完)[-—–_=~/·▍|\s]*$|^[（(【\[]\s*完\s*[)）】\]]$"
)
#: the words of share bars, counters and post tools ("赞(89) 分享 在看", "阅读 6329353",
#: "7297561人已阅读", "只看楼主 收藏 回复", "+关注"): a closed vocabulary of UI actions.
_ACTION_WORD_RE = re.compile(
    r"阅读原文|人已阅读|次阅读|人阅读|人看过|阅读量|浏览量|播放量|点击量|阅读|浏览|已赞|点赞|赞|收藏|评论|分享|转发|在看|举报|已关注|取消关注|关注|写留言|留言"
    r"|只看楼主|收起回复|发表回复|回复|打印|关闭|复制链接|微信|微博|朋友圈|QQ空间|QQ|扫一扫|送TA礼物|喜欢|顶一下|顶|踩|字号|字体"
    r"|在手机打开当前页|用手机看|手机看|手机阅读本文|手机阅读|点击这里复制本文地址|复制本文地址|我要纠错|纠错|打赏作者|打赏|已有|人参与|条评论"
    r"|人赞同了该回答|个回答|次浏览|赞同|[大中小]"
)
#: what a share/counter bar has besides action words: counts, separators, brackets.
_ACTION_REST_RE = re.compile(r"[\d\s.,:：|｜/·•()（）\[\]【】+＋\-—_万wWkK千]+")
#: one "标签：值" pair; a line of two or more, or a run of such lines, outside the
#: article is a facts/meta block (download-site "软件语言：简体中文", "关注：N 贴子：N").
_LABEL_VALUE_RE = re.compile(r"([^\s：:，。；！？]{1,6})[：:]\s*([^\s：:，。；！？][^：:，。；！？]{0,24}?)(?=\s|$)")
#: a date stamp as meta lines print it: numeric date, clock time, or "mm-dd" alone.
_STAMP_RE = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}|(?<!\d)\d{1,2}[:：]\d{2}(?!\d)|(?:^|\s)\d{1,2}-\d{1,2}$")
#: "来自Android客户端", "发自我的iPhone": the device line under a post.
_DEVICE_RE = re.compile(r"^(?:来自|发自)\s*(?:我的)?\s*[^\s，。]{1,16}(?:客户端|手机|App|APP|iPhone|iPad|Android|网页版)$")


#: a reader prompt addresses the reader or the account (你/大家/本号/这篇文章/今天) AND asks
#: for a platform action (关注/分享给/点赞/收藏/留言/星标): "关注我，带你看更多精彩",
#: "如果喜欢这篇文章，请分享给更多的人。" (WeChat/头条 tails). Either alone is prose.
_ADDRESS_RE = re.compile(r"你|您|大家|各位|朋友|小伙伴|粉丝|本号|本站|这篇文章|本文|今天|本期")
_SOCIAL_RE = re.compile(r"关注|订阅|分享给|转发给|全部分享|的分享|点赞|点个赞|收藏|留言|评论区|星标|打赏|阅读原文")


#: a comment count heading a comment section ("2 条评论", "评论(12)")
_COMMENT_COUNT_RE = re.compile(r"^\d+\s*(?:条|则)?\s*(?:评论|回复|留言)$|^(?:评论|回复|留言)\s*[(（]\d+[)）]$")


def _is_action_bar(s: str) -> bool:
    """A share/counter/post-tool bar: action words and counts only (dev2)."""
    if len(s) > 40 or not _ACTION_WORD_RE.search(s):
        return False
    return not _ACTION_REST_RE.sub("", _ACTION_WORD_RE.sub("", s))


def _label_values(s: str) -> int:
    """How many "label：value" pairs fill the whole line (0 if anything else is left)."""
    if punct_count(s) or len(s) > 80:
        return 0
    pairs = _LABEL_VALUE_RE.findall(s)
    if not pairs:
        return 0
    rest = _LABEL_VALUE_RE.sub("", s)
    return len(pairs) if not rest.strip(" \u3000|｜·•/") else 0


# --- misc ------------------------------------------------------------------------------
_LABEL_RE = re.compile(r"^[^\s，。,；;！？]{1,6}\s*[:：]$")
_HASHTAG_RE = re.compile(r"^(?:#[^#\n]{1,40}#\s*)+$")


#: the unguarded searched rules, for the line prefilter below (first_char_guard rewrites them)
_CLOSER, _NAV, _COMMENT_HEAD = _CLOSER_RE, _NAV_RE, _COMMENT_HEAD_RE

# The rules searched on every line get a first-character lookahead: same matches,
# 2-4x less time on article lines (eval/bench/clean.py; base.first_char_guard).
(_CLOSER_RE, _FOOTER_STRONG_RE, _FOOTER_WEAK_RE, _NAV_RE, _COMMENT_HEAD_RE, _REPLY_WORDS_RE, _DATE_RE,
 _META_WORDS_RE) = map(first_char_guard, (_CLOSER_RE, _FOOTER_STRONG_RE, _FOOTER_WEAK_RE, _NAV_RE, _COMMENT_HEAD_RE,
                                         _REPLY_WORDS_RE, _DATE_RE, _META_WORDS_RE))
(_ACTION_WORD_RE, _STAMP_RE, _SOCIAL_RE, _ADDRESS_RE) = map(first_char_guard, (_ACTION_WORD_RE, _STAMP_RE, _SOCIAL_RE,
                                                                                _ADDRESS_RE))

#: the metadata table of a 政府信息公开 page (索引号 / 发布机构 / 成文日期 / 公开方式 ...), a
#: closed vocabulary; the value may follow a space instead of a colon
_GOV_META_RE = re.compile(
    r"^(?:信息)?(?:索引号|发布机构|发文机关|成文日期|生成日期|公开方式|公开时限|公开范围|主题分类|发文字号|有效性)\s*[:：]?\s*\S")


#: The prefilter of ``_classify`` (same results; tests/clean/test_chrome.py checks it
#: against the rules on real lines): a line no strong rule can claim needs none of the
#: ~20 rule calls. Necessary conditions, each one C call per line:
#: - rules anchored at the line start (``re.match``): its first character
#:   (base.first_chars);
#: - searched rules and anchored ones whose first character is free: one of their
#:   required literals (base.required_literals), plus a breadcrumb separator
#:   (``_is_crumb``);
#: - rules for short lines only, tested only there: dated meta (<= 60, ``_is_meta``),
#:   menus (<= 80 without sentence marks: "首页" or a menu separator, ``_is_nav_line``),
#:   share/counter bars (<= 40: the rule itself, after a first-character test: an
#:   action word or a counter character opens the bar, as it is nothing else);
#: - the case-insensitive footer rule and the literal-guarded licence/ICP rules.
#: Every article line (prose, headings, captions) paid all the calls (eval/bench/clean_stages.py).
_ANCHORED_FIRST = first_chars(_GOV_META_RE, _META_START_RE, _BYLINE_RE, _BYLINE_PAREN_RE, _HASHTAG_RE, _END_MARK_RE,
                              _DEVICE_RE, _RELATED_HEAD_RE).match
#: a printed page number between dashes ("— 3 —", "- 12 -") on a line of its own
_PAGE_NO_RE = re.compile(r"[—\-－–~]{1,2}\s*\d{1,4}\s*[—\-－–~]{1,2}")
#: OCR debris of a scanned page: rules, dots and stray strokes ("·····", "ˉ ˉ ˉ", "l l I"),
#: two or more such marks and nothing else
_DEBRIS_RE = re.compile(r"(?=(?:\s*[^\s]){2})[\s·•ˉ¯_\-—–~.'`|lI!^]{2,12}")
#: a Weibo repost chain: "reason//@user:comment//@user:comment" (each repost quotes the
#: one before it after "//@"), the reposts under a post, never the post's own text
_REPOST_CHAIN_RE = re.compile(r"//@[^\s:：/@]{1,20}[:：]")
_RULE_LITERALS = literal_scan(set().union(
    *(required_literals(p) for p in (_CLOSER, _NAV, _COMMENT_HEAD, _NAV_LINE_RE, _CAPTION_RE, _REPORTER_STRICT_RE)),
    "»>›＞→", {"//@"}))
_MENU_HINT_RE = re.compile(r"首页|[\s|｜·•]")
_ACTION_FIRST = first_chars(_ACTION_WORD_RE, _ACTION_REST_RE).match


def _chrome_candidate(s: str) -> bool:
    """False only for a line no strong rule of :meth:`ChromeCleaner._classify` claims."""
    n = len(s)
    if n <= 80:
        if n <= 40 and _ACTION_FIRST(s) and _is_action_bar(s):
            return True
        if n <= 60 and _DATE_RE.search(s):
            return True
        if not punct_count(s) and _MENU_HINT_RE.search(s):
            return True
    return bool(_ANCHORED_FIRST(s) or _RULE_LITERALS.search(s) or _FOOTER_STRONG_RE.search(s)
                or "许可证" in s or "ICP" in s or "icp" in s)


def _is_meta(s: str) -> bool:
    """Update-time / source / view-count / byline lines (seeds 000, 001, 004)."""
    if ends_like_prose(s) and len(s) > 40:
        return False
    if len(s) <= 100 and _GOV_META_RE.match(s) and not punct_count(s):
        return True
    if _META_START_RE.match(s) and len(s) <= 100:
        return True
    if _BYLINE_RE.match(s) or _REPORTER_STRICT_RE.match(s) or _BYLINE_PAREN_RE.match(s):
        return True
    if len(s) <= 60 and _DATE_RE.search(s):
        # what is left once dates, meta words, numbers, handles and separators go:
        # seed 000 "DouJia 2023-02-20 04:30 240 浏览" leaves nothing; a dated byline
        # "写于 2023-02-12，作者 编辑部" leaves a verb and a name (6 CJK at most:
        # a 2-character verb and a name of up to 4)
        rest = _META_WORDS_RE.sub("", _DATE_RE.sub("", s))
        return cjk_count(rest) <= 6 and punct_count(s) <= 1 and not s.endswith("。")
    return False


_MENU_SPLIT_RE = re.compile(r"[\s|｜·•]+")


#: breadcrumb separators; a line of 3+ parts split by them, the leading parts short, is a
#: breadcrumb even without 首页/当前位置 ("南粤社区 » 时事热议 » <thread title>", forums)
_CRUMB_SPLIT_RE = re.compile(r"\s*(?:[>›»＞→]{1,2}|-{1,2}>)\s*")


def _is_crumb(s: str) -> bool:
    if len(s) > 100 or ("»" not in s and ">" not in s and "›" not in s and "＞" not in s and "→" not in s):
        return False
    parts = _CRUMB_SPLIT_RE.split(s)
    return len(parts) >= 3 and all(0 < len(p) <= 12 and not punct_count(p) for p in parts[:-1])


def _is_nav(s: str) -> bool:
    if len(s) <= 100 and _NAV_RE.search(s):
        return True
    return _is_nav_line(s)


def _is_nav_line(s: str) -> bool:
    """:func:`_is_nav` without the breadcrumb test (``ChromeCleaner._classify`` ran it)."""
    if _NAV_LINE_RE.match(s):
        return True
    if punct_count(s) or len(s) > 80:
        return False
    segs = segments(s)
    # a menu bar: 4+ short items with no sentence punctuation ("首页 新闻 财经 …");
    # seed 001 "首页 软件教程 <title>" is a breadcrumb starting at 首页
    if punct_count(s) == 0 and len(s) <= 80:
        if segs and segs[0] == "首页" and len(segs) >= 2:
            return True
        # "_" joins site-title parts and spam keyword headers (seed 004), not menus
        menu = [x for x in _MENU_SPLIT_RE.split(s) if x]
        if len(menu) >= 4 and max(len(x) for x in menu) <= 6:
            return True
    return False


class ChromeCleaner(Stage):
    """Remove site chrome lines: nav, meta, related lists, closers, footers, forum chrome (seeds 000-002, 004).

    Args:
        max_chrome_chars (int): a line longer than this is never removed as chrome
            by a pattern (a paragraph that *mentions* 版权所有 stays). Defaults to
            160: the longest chrome line in the seeds (seed 001's closer) has 66.
        max_reply_chars (int): a forum reply body of at most this many characters is
            a reply one-liner (seed 002 replies have 3-25). Defaults to 60.
        min_list_items (int): a run of this many title-like lines below the last
            paragraph is a list without a heading. Defaults to 3: a related list
            shows 4+ titles, while an article rarely ends with three short lines
            none of which has a full stop.
    """

    name = "clean.chrome"

    def __init__(self, *, max_chrome_chars: int = 160, max_reply_chars: int = 60, min_list_items: int = 3):
        self.max_chrome = max_chrome_chars
        self.max_reply = max_reply_chars
        self.min_list_items = min_list_items
        self._cache: dict[str, tuple[Reason, str] | None] = {}  # line -> classify() result

    # --- line classification ------------------------------------------------------
    def classify(self, s: str) -> tuple[Reason, str] | None:
        """Reason and rule name for a chrome line, or None (strong rules only)."""
        if len(s) > self.max_chrome:
            return None
        hit = self._cache.get(s, False)
        if hit is False:
            if len(self._cache) > 50_000:  # bounded: a batch sees many distinct lines
                self._cache.clear()
            hit = self._cache[s] = self._classify(s)
        return hit

    def _classify(self, s: str) -> tuple[Reason, str] | None:
        # a new rule below must also let its lines through _chrome_candidate (its
        # pattern in _ANCHORED_FIRST or _RULE_LITERALS); tests/clean/test_prefilter.py
        # checks the pair on the seed and dev pages
        if not _chrome_candidate(s):
            return None
        if _CLOSER_RE.search(s) and (len(s) <= _SHORT_CLOSER_MAX or _CLOSER_RE.search(_SHORT_ONLY_CLOSER_RE.sub("", s))):
            return Reason.CLOSER, "closer"
        if _FOOTER_STRONG_RE.search(s) or ("许可证" in s and _LICENCE_RE.match(s)) \
                or (("ICP" in s or "icp" in s) and _ICP_RE.match(s)):
            return Reason.FOOTER, "footer"
        if len(s) <= 100 and _NAV_RE.search(s):
            return Reason.NAV, "breadcrumb"
        if _is_nav_line(s):  # the breadcrumb half of _is_nav was the test just above
            return Reason.NAV, "nav"
        if _is_crumb(s):
            return Reason.NAV, "breadcrumb"
        if _CAPTION_RE.match(s):
            return Reason.CAPTION, "caption credit"
        if _is_meta(s):
            return Reason.META, "meta"
        if _HASHTAG_RE.match(s):
            return Reason.BOILERPLATE, "hashtag"
        if _END_MARK_RE.match(s):
            return Reason.CLOSER, "end mark"
        if _is_action_bar(s):
            return Reason.NAV, "share/counter bar"
        if _DEVICE_RE.match(s):
            return Reason.FORUM, "device line"
        if _RELATED_HEAD_RE.match(s):
            return Reason.RELATED, "related heading"
        if _COMMENT_HEAD_RE.search(s) and len(s) <= 40:
            return Reason.FORUM, "comment chrome"
        if "//@" in s and _REPOST_CHAIN_RE.search(s):
            return Reason.FORUM, "repost chain"
        return None

    def _forum(self, lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Discuz threads (seed 002): label/value lines and short replies."""
        # only lines opening with a character a forum rule can start with can match
        # (base.first_chars): one C test per line instead of a regex scan of the whole
        # page (which cost 3-6x more); most pages are not forums
        cands = [ln for ln in lines if ln.text and _FORUM_FIRST(ln.text)] if _FORUM_FIRST else lines
        if not cands:
            return
        kinds = [_forum_kind(ln.text) if ln.text else 0 for ln in cands]
        labels = [ln for ln, k in zip(cands, kinds) if k & _LABEL]
        inline = [ln for ln, k in zip(cands, kinds) if k & _INLINE]
        floors = [ln for ln, k in zip(cands, kinds) if k & _FLOOR]
        if len(labels) + len(inline) + len(floors) < 2:
            return
        for ln in inline:
            marks[ln.index] = (Reason.FORUM, "forum chrome")
        for ln in floors:
            marks[ln.index] = (Reason.FORUM, "forum post header")
        # post headers: "作者:" <name> "时间:" <stamp>; the value follows its label
        by_index = {ln.index: ln for ln in lines}
        post_starts: list[int] = []
        for ln in labels:
            marks[ln.index] = (Reason.FORUM, "forum label")
            key = ln.text.rstrip(":： ")
            nxt = _next_text(lines, ln.index)
            # the value is a name or a stamp, never a sentence: a "楼主" badge under a post
            # header that already named the poster is followed by the post's first line
            if nxt is not None and key in ("作者", "楼主", "时间", "发表于", "发表时间", "楼层") and len(nxt.text) <= 40 \
                    and not ends_like_prose(nxt.text) and "，" not in nxt.text:
                marks[nxt.index] = (Reason.FORUM, "forum " + key)
            if key in ("作者", "楼主"):
                post_starts.append(ln.index)
        # a bare floor number ("2#", "3楼") starts a post too; the short line right above one
        # of a reply (floor 2+) is its poster's name ("瓯江渔歌" over "2#", held-out v12)
        replies = set()
        for ln in inline:
            m = _BARE_FLOOR_RE.match(ln.text)
            if m is None:
                continue
            post_starts.append(ln.index)
            if int(m.group(1)) >= 2:
                replies.add(ln.index)
                prev = _prev_text(lines, ln.index)
                if prev is not None and prev.index not in marks and len(prev.text) <= 16 \
                        and not _NAME_PUNCT_RE.search(prev.text):
                    marks[prev.index] = (Reason.FORUM, "forum poster")
        post_starts = sorted(set(post_starts) | {ln.index for ln in floors})
        # a post's body runs from after its header to the next post; short bodies
        # after the first post are reply one-liners ("看看学习下 支持个"); the first post is
        # the article unless its header numbers it as a reply (a thread whose first post has
        # no floor number)
        first = 0 if post_starts and post_starts[0] in replies else 1
        for k, start in enumerate(post_starts[first:], first):
            end = post_starts[k + 1] if k + 1 < len(post_starts) else len(lines)
            body = [by_index[i] for i in range(start, end) if i in by_index and by_index[i].text
                    and i not in marks]
            if body and sum(len(b.text) for b in body) <= self.max_reply and len(body) <= 3:
                for b in body:
                    marks[b.index] = (Reason.FORUM, "reply one-liner")

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        marks: dict[int, tuple[Reason, str]] = {}
        cache, max_chrome = self._cache, self.max_chrome
        for ln in lines:
            s = ln.text
            if s and len(s) <= max_chrome:
                hit = cache.get(s, False)  # classify()'s cache, read inline: most lines repeat
                if hit is False:
                    hit = self.classify(s)
                if hit:
                    marks[ln.index] = hit
        self._forum(lines, marks)
        for ln in lines:
            # printed-page furniture of scanned/OCR'd pages, anywhere on the page
            if ln.text and ln.index not in marks and len(ln.text) <= 12:
                if _PAGE_NO_RE.fullmatch(ln.text):
                    marks[ln.index] = (Reason.NAV, "page number")
                elif _DEBRIS_RE.fullmatch(ln.text):
                    marks[ln.index] = (Reason.BOILERPLATE, "scan debris")
        # the content zone, ignoring lines already claimed (seed 002's prose-like
        # disclaimer must not stretch the zone over the replies below it)
        first, last = content_zone([ln for ln in lines if ln.index not in marks])
        for ln in lines:
            s = ln.text
            if not s or ln.index in marks:
                continue
            outside = first < 0 or ln.index < first or ln.index > last
            if outside and len(s) <= self.max_chrome:
                if _FOOTER_WEAK_RE.search(s):
                    marks[ln.index] = (Reason.FOOTER, "footer (outside content)")
                elif _LABEL_RE.match(s):
                    marks[ln.index] = (Reason.BOILERPLATE, "label (outside content)")
                elif ln.index > last >= 0 and len(s) <= 30 and _REPLY_WORDS_RE.search(s) and not is_prose(s) \
                        and not s.endswith("。"):  # a reply has no full stop; "好了，问题来了。" is prose (dev2)
                    marks[ln.index] = (Reason.FORUM, "reply (outside content)")
                elif punct_count(s) == 0 and len(s) <= 80 and _STAMP_RE.search(s):
                    # a dated line with no sentence mark outside the article: post/meta
                    # stamps ("原创 作者 号名 2024-02-08 13:15 发表于广东", "1楼2020-12-10 10:51")
                    marks[ln.index] = (Reason.META, "dated line (outside content)")
                elif _label_values(s) >= 2:
                    marks[ln.index] = (Reason.META, "label-value line (outside content)")
            elif len(s) <= 40 and _FOOTER_WEAK_RE.search(s) and not ends_like_prose(s):
                marks[ln.index] = (Reason.FOOTER, "footer")
        self._related_blocks(lines, marks)
        self._above_breadcrumb(lines, marks)
        self._below_article(lines, marks)
        self._reader_prompts(lines, marks)
        if marks and any(OPTION_RE.match(ln.text) for ln in lines if ln.text):
            self._keep_questions(lines, marks)
        spans = []
        for idx, (reason, note) in marks.items():
            s, e = line_span(text, lines[idx])
            spans.append((s, e, reason, note))
        return removals(self, spans)

    @staticmethod
    def _keep_questions(lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Unmark a question and its lettered options (:func:`~nlp.clean.base.option_under_question`,
        session 18): short sentence-less lines after the last paragraph read as a list, a
        button row or a comment thread to the rules above, but a question ending with a colon
        over options A, B, C... in order is text (a legal exam question)."""
        nb = [ln for ln in lines if ln.text]
        texts = [ln.text for ln in nb]
        for k, ln in enumerate(nb):
            if option_under_question(texts, k):
                marks.pop(ln.index, None)
                if OPTION_RE.match(ln.text).group(1) in "AＡ":
                    marks.pop(nb[k - 1].index, None)

    def _below_article(self, lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Short sentence-less lines below the article's last prose line: user names and
        one-word replies of comment threads, buttons, account names (dev2 "zh_不说话",
        "立即下载", "回复本楼"). Below the last sentence an article has no heading or
        label left; keyword lines stay for clean.seo, which needs them as evidence."""
        _, last = content_zone([ln for ln in lines if ln.index not in marks])
        if last < 0:
            return
        for ln in lines[last + 1:]:
            s = ln.text
            # 16: user names, buttons and replies are short; seed 002 keeps a 29-character
            # picture caption below its last paragraph
            if not s or ln.index in marks or len(s) > 16 or punct_count(s) or ends_like_prose(s):
                continue
            if keyword_phrase(s, min_len=4) is None:
                marks[ln.index] = (Reason.BOILERPLATE, "short line below the article")

    def _reader_prompts(self, lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Peel reader prompts off the page end: from the bottom up, through lines
        already marked, every short line that addresses the reader and asks for a
        platform action goes; the first other line stops the peel, so an article's
        own last sentence is never reached by this rule (dev3)."""
        for ln in reversed(lines):
            s = ln.text
            if not s or ln.index in marks:
                continue
            if len(s) <= 40 and _SOCIAL_RE.search(s) and _ADDRESS_RE.search(s):
                marks[ln.index] = (Reason.CLOSER, "reader prompt (page end)")
                continue
            break

    def _above_breadcrumb(self, lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Lines above the breadcrumb are site header: site name, search bar, menus
        (seed 000 "抖音最火" / "百度360必应搜狗本站头条热榜" above "当前位置:…"). The
        title always follows the breadcrumb in the seeds and dev templates."""
        first_para = next((ln.index for ln in lines if ln.text and ln.index not in marks
                           and _is_paragraph(ln.text)), len(lines))
        crumbs = [i for i, (r, note) in marks.items() if note == "breadcrumb" and i < first_para]
        if not crumbs:
            return
        for ln in lines[:min(crumbs)]:
            # "a_b_c_d" headers are left to clean.spam (seed 004's porn title) and
            # clean.title (header above the title), which know better
            if ln.text.count("_") >= 2:
                continue
            if ln.text and ln.index not in marks and not is_prose(ln.text) and len(ln.text) <= 80:
                marks[ln.index] = (Reason.NAV, "site header")

    def _related_blocks(self, lines: list[Line], marks: dict[int, tuple[Reason, str]]) -> None:
        """Related-article and ranking lists (seed 000 "相关推荐"; 游戏排行 lists).

        After a list heading, drop the items: other articles' titles (short, no
        full stop), teasers cut with "...", date/author lines (already marked as
        meta), numbered ranking items; the list ends at the first real paragraph.
        Below the article's last paragraph a run of ``min_list_items`` such lines
        is a list even without a heading.
        """
        # the last paragraph: scan from the bottom (lines are in index order)
        last_para = next((ln.index for ln in reversed(lines) if ln.text and ln.index not in marks
                          and _is_paragraph(ln.text)), -1)
        # a comment-section heading below the article ("2 条评论", "网友评论") heads the
        # comments the same way: names, dates and short replies up to the next paragraph
        heads = sorted(i for i, (r, note) in marks.items()
                       if note == "related heading" or (i > last_para >= 0 and (note == "comment chrome" or (
                           note == "share/counter bar" and _COMMENT_COUNT_RE.search(lines[i].text)))))
        head_set = set(heads)
        for h in heads:
            numbered = None  # does this list number its items? (set by its first item)
            # the heading's own mark stays as it is while its items are marked (all below it)
            item = (Reason.FORUM, "comment") if marks[h][1] != "related heading" else (Reason.RELATED, "related list")
            for ln in lines[h + 1:]:
                if ln.index in head_set:
                    break  # the next heading's scan (as permissive) covers the rest: linear (issue 7)
                s = ln.text
                if not s or ln.index in marks:
                    continue
                if _LINK_LIST_RE.search(s) and punct_count(s) == 0:
                    continue  # a "a | b | c" link list: clean.spam judges it (spam or links)
                if numbered is None:
                    numbered = bool(_NUMBERED_RE.match(s) or _RANK_NUM_RE.match(s))
                elif numbered and h < last_para and not (_NUMBERED_RE.match(s) or _RANK_NUM_RE.match(s)) \
                        and not is_truncated(s):
                    # a numbered ranking list ends at its first unnumbered line: above the
                    # article that line is the headline ("排行榜 / 1. … / 6. … / <headline>",
                    # DEV5 d5_022/d5_026/d5_027 lost their titles to the list)
                    break
                if h > last_para or _list_item(s):
                    marks[ln.index] = item
                    continue
                break
        # headless lists and blog comments below the last paragraph
        run: list[Line] = []

        def flush():
            if len(run) >= self.min_list_items:
                for r in run:
                    marks[r.index] = (Reason.RELATED, "list after article")
            run.clear()

        for ln in lines[last_para + 1:] if last_para >= 0 else []:
            s = ln.text
            if not s:
                continue
            if ln.index in marks:
                if run:  # flush() of an empty run changes nothing
                    flush()
                continue
            if _COMMENT_LINE_RE.match(s) and not ends_like_prose(s.split("：")[0]):
                marks[ln.index] = (Reason.FORUM, "comment")
                flush()
                continue
            if _list_item(s):
                run.append(ln)
            else:
                flush()
        flush()


#: three separators of a link list ("词| 词| 词", "a_b_c_d"), seed 004's footer.
_LINK_LIST_RE = re.compile(r"[|｜_][^|｜_]+[|｜_][^|｜_]+[|｜_]")
_NUMBERED_RE = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.、．]\s*|^[\[【(（]\d{1,3}[\]】)）]\s*")
#: a ranking number and a space ("1 最牛x违章…", DEV5 d5_022)
_RANK_NUM_RE = re.compile(r"^\d{1,2}\s+\D")


@line_cache  # the heading scan and the run below the article test the same lines
def _list_item(s: str) -> bool:
    """A line of a related/ranking list: a teaser cut with "...", or an article
    title (at most 50 characters, no full stop; inews titles have 8-36)."""
    if is_truncated(s):
        return True
    # a list item has <= 50 chars after a <= 4-char number: skip the (quadratic)
    # phrase scan for longer lines, which fail the length test below anyway (issue 7)
    n = norm_line(s)
    if len(n) <= 54 and repeated_phrase(n, min_len=4):
        return False  # a keyword line: clean.seo needs it to find the keyword
    s = _NUMBERED_RE.sub("", s)
    return len(s) <= 50 and "。" not in s and not s.endswith("；")


@line_cache  # _above_breadcrumb and _related_blocks test the same lines
def _is_paragraph(s: str) -> bool:
    """A paragraph of the article, as opposed to a list item or a heading: ends like
    a sentence and either has a full stop or is longer than any list title."""
    if not is_prose(s) or is_truncated(s):
        return False
    return "。" in s or (ends_like_prose(s) and len(s) > 50)


#: a bare floor number on its own line ("2#", "3楼", "第4楼")
_BARE_FLOOR_RE = re.compile(r"^第?\s*(\d{1,5})\s*(?:#|楼)$")
#: a poster's name has no sentence or clause punctuation
_NAME_PUNCT_RE = re.compile(r"[，。！？；：、,.!?;:“”\"（）()《》【】\s]")


def _prev_text(lines: list[Line], index: int) -> Line | None:
    for ln in reversed(lines[max(0, index - 3):index]):
        if ln.text:
            return ln
    return None


def _next_text(lines: list[Line], index: int) -> Line | None:
    for ln in lines[index + 1:index + 4]:
        if ln.text:
            return ln
    return None


#: a short note wholly in round brackets about the picture: "（示意图片，非新闻现场）",
#: "（照片由受访单位提供）", "（画面撷取 ┆ 某某）", "（手机拍摄 ◎ 某某）" (held-out v10/v11, DEV8);
#: "（图为…）" describes the picture and is a paragraph (README caption rule). No gold line of
#: seeds/dev..dev9/v10/v11 is a bracketed line of 30 characters or less.
_PICTURE_NOTE_RE = re.compile(
    r"[（(](?=[^（()）]{2,28}[)）]$)(?![^（()）]*(?:图为|图中|[上下左右]图))[^（()）]*?(?:图|照片|摄|画面|影像|镜头)[^（()）]*[)）]"
    # session 16: a credit, two short parts split by a vertical bar or mark ("（手绘插画 ∣ 某某）": a
    # dev3 section heading "壹 | 缘起" has the bar but no brackets), or a note naming where the
    # text was taken from ("（此稿转自某报 执笔记者 某某 转发时请一并注明）")
    r"|[（(][^（()）∣┆｜|◎。，！？]{2,12}[∣┆｜|◎][^（()）∣┆｜|◎。，！？]{2,12}[)）]"
    r"|[（(](?=[^（()）]{2,28}[)）]$)[^（()）。！？]*?(?:转自|转载|稿源)[^（()）]*[)）]")


def picture_notes(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept lines) of bracketed picture notes
    (:data:`_PICTURE_NOTE_RE`). Judged by clean.lines after its line model, on the lines it
    keeps: removed before it (here, with the other captions) they shift the model's
    neighbour features on DEV8 d8_014/d8_023, where a headline-spam line and a Q&A counter
    then stay."""
    return [k for k, s in enumerate(texts) if s[:1] in "（(" and _PICTURE_NOTE_RE.fullmatch(s)]


#: a tag list: a short label, a colon or an arrow, then terms split by commas, spaces or "#"
#: marks ("本文涉及：电梯加装  #家庭医生签约  #城市书房", "标签云 ＞ 城市书房，家庭医生签约，预制菜")
_TAG_LIST_RE = re.compile(r"([^\s：:，。,、＞>»›#]{2,6})\s*[：:＞>»›]\s*([^。！？!?：:＞>»›]{4,80})")
_TAG_SPLIT_RE = re.compile(r"[\s，,、；;#＃]+")
_TAG_TERM_RE = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def tag_lists(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept lines) of tag lists (:data:`_TAG_LIST_RE`):
    three or more terms of 2-8 Chinese characters, none of whose bigrams the other lines
    use (a site's tag cloud is off the article's topic; a list of the article's own names
    after a label, "参赛队伍：北京队，上海队，广东队", shares them and stays)."""
    cands = []
    for k, s in enumerate(texts):
        if len(s) > 90:
            continue
        m = _TAG_LIST_RE.fullmatch(s)
        if m is None:
            continue
        terms = [t for t in _TAG_SPLIT_RE.split(m.group(2)) if t]
        if len(terms) >= 3 and all(_TAG_TERM_RE.fullmatch(t) for t in terms):
            cands.append((k, terms))
    if not cands:
        return []
    # the article: the lines that are no tag list (two tag lists share their terms)
    listed = {k for k, _ in cands}
    rest = "\n".join(t for j, t in enumerate(texts) if j not in listed)
    return [k for k, terms in cands if not any(b in rest for t in terms for b in _bigrams(t))]
