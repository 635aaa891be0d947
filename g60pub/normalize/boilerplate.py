"""What a page says around an article: navigation, counters, tools, footers.

The words themselves (您的位置, 字号 大 中 小, 版权所有, ICP备 …, judged on
short lines only so a sentence that mentions a QR code survives); the
class/id names templates give such regions are read in box_names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from g60pub.chinese import opencc_converter
from g60pub.normalize.promotion import PROMOTION

_NOISE = re.compile(
    r"^(?:您的位置|您现在的位置|您当前的位置|当前位置|所在位置|现在位置|位置)\s*[:：]"
    r"|字号\s*[:：]?\s*[【\[]?\s*大\s*[|｜ ]?\s*中\s*[|｜ ]?\s*小"
    r"|^[【\[]?\s*字体\s*[:：]"
    r"|^分享到|^分享至|^一键分享|^(?:Share|Like) this\s*[:：]?$"  # WordPress's Jetpack boxes
    r"|^[▪•·●■◆►\s]*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)\s*[:：]?"
    r"|扫一扫|二维码|阅读原文|微信扫一扫|长按识别|长按二维码|识别二维码|预览时标签不可点"
    r"|蓝字|关注我们$|^点击.{0,6}关注|设为星标|星标公众号|点\s*[个【\[]?\s*在看|点赞.{0,8}在看|星标.{0,4}一下|更新不迷路|在看.{0,4}(?:分享|点赞)"
    r"|版权所有|ICP备|ICP证|公网安备|Copyright|\(c\)\s*\d{4}|©|^All rights reserved\.?$"
    # A site's licences in its footer (互联网新闻信息服务许可证：31120170006, 沪B2-2017116).
    r"|^\S{0,12}(?:信息服务|经营|视听节目|网络文化经营|出版物经营)许可证(?:编号|号)?\s*[:：]"
    r"|^\S{0,16}[:：]\s*[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]B2-\d"
    r"|^(?:主办|承办|协办|技术支持|网站标识码|联系电话|邮编|传真|网站维护)(?:单位)?\s*[:：]|技术支持\s*[:：]|网站标识码"
    r"|^(?:阅读|浏览|点击|访问|播放)(?:次数|量|数|率)?\s*[:：]?\s*[（(]?\d+\s*次?[)）]?$"
    # A site's footer line for reports (违法和不良信息举报电话：12377, 不良信息反馈电话：…).
    r"|不良信息(?:举报|反馈)(?:电话|邮箱|中心)|^意见反馈\s*[:：|]"
    # A blog's row of counters under a post (阅读(167) | 评论(0), 评论(3) 转载(1) 收藏).
    r"|^(?:(?:阅读|浏览|点击|评论|回复|转载|收藏|分享|喜欢|推荐|引用)\s*[（(]\s*\d+\s*[)）]\s*[|｜/·]?\s*){2,}$"
    # A button to load the rest (加载全部内容), a novel's pager note, a share prompt.
    r"|^(?:点击)?(?:加载|展开)(?:全部|全文|更多)(?:内容)?$|本章未完[，,]?\s*请(?:点击)?(?:下一页|翻页)"
    # A theme's table of contents over the post (文章目录), its links dropped.
    r"|^(?:文章|本文|内容)目录$|^Table of Contents$"
    # A button under a sponsor's story or a box (了解更多, 瞭解更多 >, 查看更多).
    r"|^(?:了解|瞭解|查看|閱讀|阅读)更多(?:详情|詳情|信息|資訊)?\s*[>›»]*$"
    r"|^(?:Learn|Read) more\s*[>›»]*$"
    r"|^[（(]?(?:微信)?扫(?:描|码)(?:二维码)?分享[)）]?$"
    r"|^['\"“‘]?(?:正在加载|加载中)|(?:未|非)经(?:书面)?授权.{0,6}(?:不得|请勿|禁止)(?:转载|复制)|^点击(?:菜单栏|底部菜单)"
    r"|^(?:点赞|推荐|收藏|转发|喜欢|看过|想看|读过|想读|关注|粉丝)\s*[（(]?\d+[)）]?$|^(?:分享|转播|转发)到(?:腾讯|新浪)?微博"
    r"|^\d*[、.]?\s*回复\s*[【「“\"][^】」”\"]{1,10}[】」”\"]\s*(?:查看|获取|查询|了解|看看)"
    r"|^\d[\d,]*\s*(?:人)?(?:阅读|浏览|次浏览|次阅读)$"
    # A news site's consent box round an embedded post (BBC: 允许Instagram内容,
    # 告知: BBC 不对外来网站内容负责, 结尾 Instagram 帖子).
    r"|^允许\s*\S{1,20}\s*内容[？?]?$|^告知\s*[:：]\s*BBC\s*不对外来网站内容负责"
    r"|^(?:跳过|结尾)\s*\S{1,20}\s*帖子(?:\s*\d+)?$"
    r"|^Allow \S+(?: \S+)? content\??$|^(?:Skip|End of) \S+(?: \S+)? (?:post|content)(?:,? \d+)?$"
    r"|^Warning: (?:The )?BBC is not responsible for the content of external sites"
    # A Q&A site's prompt under an answer.
    r"|^还没有人送礼物，鼓励一下作者吧"
    # A reading-time estimate (7 分钟 浏览时间, 预计阅读时间：3分钟, 阅读需 5 分钟).
    r"|^(?:约\s*)?\d+\s*分钟\s*(?:阅读|浏览)(?:时间|时长)?$"
    r"|^(?:预计)?(?:阅读|浏览)(?:时间|时长|需)\s*[:：]?\s*(?:约\s*)?\d+\s*分钟?$"
    # A blog theme's count of the post's words (文章字数: 2.7k, 1279 Words 6 min).
    r"|^(?:文章|本文|全文)?字数(?:统计)?\s*[:：]?\s*(?:[\d.,]+\s*[kKwW千万]?\s*字?)?$"
    # …and with its reading time (本文字数： 3 阅读时长 ≈ 1 分钟, 约350字预计需要1分钟).
    r"|^(?:(?:文章|本文|全文)?字数(?:统计)?\s*[:：]?\s*|约\s*)[\d.,]+\s*[kKwW千万]?\s*字?\s*[|·,，]?"
    r"\s*(?:预计)?(?:阅读|浏览)?(?:时间|时长|需要|需|用时)\s*[:：]?\s*[≈约]?\s*\d+\s*分钟$"
    r"|^[\d.,]+\s*[kKwW千万]?\s*字\s*[|·,，]?\s*\d+\s*分钟\S{0,2}$"  # 9 字 1 分钟
    # NexT's closing line (-------------本文结束感谢您的阅读-------------).
    r"|^[-—=~\s]*本文结束\W{0,3}感谢您?的?阅读[-—=~\s]*$"
    r"|^[\d.,]+\s*k?\s*[Ww]ords?(?:\s*[·|,]?\s*\d+\s*min(?:ute)?s?(?:\s*read)?)?$"
    r"|^\d+\s*min(?:ute)?s?(?:\s*read)?\s*[·|,]?\s*[\d.,]+\s*k?\s*[Ww]ords?$"  # 4 min, 701 words
    r"|^\d+\s*min(?:ute)?s?\s*read$|^Reading time\s*:?\s*\d+\s*min(?:ute)?s?$"  # 1 min read
    # A theme's notice that the post may be out of date, its time left for a
    # script to fill (本文最后编辑于前，其中的内容可能需要更新。).
    r"|^本文最后(?:编辑|更新|修改)于.{0,24}[，,].{0,6}(?:内容|信息).{0,8}(?:过时|需要更新|失效)\W?$"
    # A media player's position and length (0:00 / 1:06, run together: 0:001:06).
    r"|^\d{1,2}:\d{2}\s*/?\s*\d{1,2}:\d{2}$"
    # A visit counter's label whose number a script fills in (Hits, 本文总阅读量).
    r"|^(?:本文|本站)?总?(?:阅读|访问|浏览|点击)(?:量|数|次数)\s*[:：]?$"
    r"|^(?:Hits|Views|Page\s?views|Visits|Visitors)\s*[:：]?$"
    # A post's row of counters after its author's name (陈皓评论 12 条评论 14,216 人阅读).
    r"|(?:\d[\d,]*\s*条评论|没有评论|暂无评论)\s*\d[\d,]*\s*人(?:阅读|浏览)$"
    # The heading of links to other stories left under the text (> 相关阅读：).
    r"|^[>＞▶►\s]*(?:相关|延伸|扩展)(?:阅读|新闻|链接|文章|报道|专题)\s*[:：]?$"
    r"|^(?:点赞|赞|在看|分享|收藏|写留言|留言|评论|举报|投诉|返回顶部|返回首页|返回列表|网站地图|联系我们|关于我们|关于作者)$"
    r"|^(?i:about(?: us| me| the author)?)$"  # a menu's or an author box's button
    r"|^[\s\-—–─=~～·]*(?:THE\s*)?END[\s\-—–─=~～·]*$"
    # A theme's last-changed line, in any date form (最后更新于 Aug 01, 2022 21:10 UTC).
    r"|^(?:本文)?最后(?:更新|修改|编辑)于\s*[:：]?\s*(?:\d|[A-Z][a-z]{2})[\w ,:.+/-]{5,32}$"
    r"|^喜欢此内容的人还喜欢|^(?:网友|用户)?评论\s*[（(]?\d*[)）]?$|^发表评论|^我要评论|^我要纠错|^纠错"
    # Notes a portal adds around a reposted article, and its comment headers.
    r"|^[（(]?\s*(?:原标题|原题为?|本文来[自源]|综合整理自)\s*[:：《]"
    r"|^一键转发|^(?:\s*(?:#\s?[^#\s]{1,30}\s?#|@\S{1,20}))+\s*$|^您是本(?:文|帖|站)?第\s*\d+\s*(?:个|位)"
    r"|^[（(][^（）()]{0,12}(?:编辑|责编)\s*[:：]?\s*\S{2,4}\s*[)）]$|^(?:网站|\S{0,10})(?:首页|主页)\s*(?:[>＞»›\\]|-\s)"
    r"|^(?:特别|免责|版权)?声明\s*[:：]|^郑重声明$|^(?:图片|图)(?:均)?来[自源](?:于)?网络"
    r"|^(?:编辑|责编|校对|审校)\s*[|｜:：/]|^(?:编辑|责编)\s*\S{2,4}\s*(?:校对|审校)\s*\S{2,4}$"
    r"|^点击进入专题|^相关资讯请关注|^调整字体$|^音频\s*\d|^Trackback\s*(?::|$)|^引用通告"
    r"|(?:引用|Trackback)[(（]?\s*Trackback\s*[)）]?\s*(?:链接|地址|URL)|已被?(?:阅读|浏览|点击)\s*\d+\s*次"
    r"|^(?:热门|最新|精彩|网友)(?:评论|跟帖|跟贴)$|^今日焦点\s*[:：]?$"
    r"|^(?:信息|内容|文字|素材)(?:均)?来[自源](?:于)?网络|^分享(?:让|给)更多"
    # A site's notice on what it copies (…来源于网络，版权归原作者所有，如有侵权，请联系删除).
    r"|版权归原作者所有|如有侵权[，,]?\s*请(?:及时)?(?:联系|告知|通知)"
    r"|^(?:(?:pdf|word|docx?|wps|ofd|txt)\s*(?:版|格式)?\s*下载\s*)+$"
    # Where a post was sent from or its writer is (来自 微博发布平台专业版, 来自甘肃, IP属地：北京).
    r"|^(?:来自|IP\s*属地\s*[:：]?|发布于\s*[:：])\s*[^\s，。,]{2,12}$"
    # A video player's controls: times, speeds, volume, quality, its error messages.
    r"|^\s*/?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$|^\d{1,2}/\d{1,2}$"
    r"|^\d(?:\.\d{1,2})?\s*[x×]$|^\d{1,3}\s*%$|^Play Video$|^播放速度\s*[:：]|^时长\s*[:：]\s*\d"
    r"|视频(?:播放|加载)?失败|^错误代码\s*[:：]|正在为您切换|建议(?:在)?\s*WIFI\s*下"
    # Feedback and reading widgets: 减少此类推荐, 你对这个回答的评价是？
    r"|减少.{0,6}(?:此类|这类)(?:内容|文章)?(?:的)?推荐|^文章不错|^登录后(?:你|您)可以|评价是[？?]$"
    # A paywall's prompt (登录后获取已订阅的阅读权限), WeChat's series label (收录于合集).
    r"|^登录后(?:获取|查看|阅读|解锁)|^收录于(?:合集|话题)"
    r"|^(?:语音)?播报文章|^语音播报|^查看原图|^(?:所属)?(?:分类|栏目)\s*[:：]"
    # A date widget's label whose date a script fills in (今天是), a search box's
    # label (栏目搜索：), an attachment's bare file name (1.12班级一日考核.xls; a
    # notice's 附件：… line is its own).
    r"|^今天是\s*[:：]?$|^(?:栏目|站内|全站|全文)?(?:搜索|检索)\s*[:：]?$"
    r"|^[^\s，。；:：]{1,60}\.(?:xlsx?|docx?|pptx?|pdf|wps|zip|rar|7z)$"
    r"|^(?:\d+\s*(?:秒|分钟|小时|天|周|个月)前|刚刚)$"  # a relative time: 13小时前
    r"|^(?:建立|创建|更新|修改)时间\s*[:：]?\s*\d{1,2}:\d{2}$"  # a time with no day: 建立時間16:41
    # A Q&A page's labels round an answer: its status (提问者采纳), the asker's
    # rating over his thanks (提问者评价), the answerer's field (擅长： C/C++).
    r"|^(?:提问者|网友|专家)?(?:采纳|评价)$|^擅长\s*[:：]|^(?:最佳|推荐|满意)答案$"
    r"|^回答者\s*[:：]|^提问者对于答案的评价"  # an answerer's row, the asker's rating
    r"|^原创\s*[:：]\s*[^\s，。！？,]{1,20}(?:\s+[^\s，。！？,]{1,20})?$"  # 原创： 作者 公众号
    r"|(?:推荐|相关|最新|热门)(?:文章|阅读|新闻)于\s*\d{4}"  # 最新推荐文章于 2024-05-07 发布
    r"|^(?:微信)?扫码|扫码(?:分享|下载|阅读|打开|关注)|打开(?:APP|App|app|客户端)|(?:APP|客户端)内打开"
    r"|^(?:点击)?(?:展开|查看|阅读)全文|^收起全文|^(?:点击展开[，,]?\s*)?查看(?:完整图片|大图|原图)$"
    # A picture set's paging hint (支持键盘翻页←左 右 →, “← →” 可实现快速翻页) and an
    # app's download pitch (下载即可拥有！).
    r"|^.{0,8}(?:键盘|[←→]).{0,10}翻页|下载即可(?:拥有|使用|体验)|^(?:前往|立即|马上)下载$"
    # A column's mailbox for contributions (专栏投稿信箱：…).
    r"|^\S{0,8}投稿(?:信箱|邮箱|地址)\s*[:：]"
    # A link from a serial's excerpt to the rest (更多精彩内容看这里).
    r"|^(?:点击)?(?:查看)?更多精彩(?:内容|章节)?\s*(?:请)?(?:看|见|点击|点|戳)这里"
    # A page's tag row, a copy tooltip, a contact handle, a tip jar, a paywall's pitch.
    r"|^(?:精华|置顶|热帖|精品)$|^\d+(?:\s+\d+){0,3}$"  # a thread's badge, a counter row (746 4)
    r"|^(?:关键字|标签|Tags?|Tag\(s\))\s*[:：]|^(?:链接|内容)?已复制|^\S{0,6}(?:交流|咨询|合作)(?:群|微信|QQ)?\s*[:：]\s*[A-Za-z0-9_\-]{5,}$"
    r"|^关注(?:微信)?公众号\s*[:：]|赞赏|手留余香|私信答主|不限量看"
    r"|^(?:Comments?|Leave a (?:comment|reply))\s*[:：]?$"  # a comment box's heading
    r"|^(?:本书使用\s*GitBook\s*发布|Published with (?:GitBook|HonKit))$"  # a book's sidebar
    # A header's welcome to the site, its login and home-page links beside it
    # (您好！欢迎您访问某某学校！ 教师登录 | 设为首页).
    r"|^(?:您好[！!，,]?\s*)?欢迎您?(?:光临|访问)[^，。,！!？?\s]{2,40}[！!。]?"
    r"(?:\s*[|｜]?\s*(?:\S{0,4}登录|注册|设为首页|加入收藏|收藏本站))*$"
    r"|^[^，。,！!？?\s]{2,30}欢迎(?:您|你)[！!。]?$"  # 某某小学欢迎您！
    # A list's paging bar whose figures a script fills (每页记录总共记录 / 页码 1/20 跳转到).
    r"|^(?=.*(?:每页|页码|跳转))(?:每页|总共|共|页码|跳转到?|记录|条|[\d\s/:：|])+$"
    r"|^(?=.*(?:per\s*page|page\s*number|jump\s*to))"
    r"(?:per\s*page|records?|total|page\s*number|jump\s*to|[\d\s/:|])+$"
    # A teaser's row: its writer run into the counts (茶点故事阅读 1168评论 0赞 1).
    r"|^\S{0,20}?(?:阅读|浏览)\s*[\d,]+\s*评论\s*[\d,]+(?:\s*赞\s*[\d,]+)?$"
    # A header's hotline (客服热线：400-799-3066, 服务电话 0371-66229656).
    r"|^\S{0,4}(?:热线|电话|熱線|電話)\s*[:：]?\s*[\d\s()（）-]{7,20}$"
    # A site counter's labels (浏览总量 | 今日浏览总量 | 本周浏览总量), counts or none.
    r"|^(?:\s*(?:今日|昨日|本周|本月|总)?(?:浏览|访问|点击)(?:总量|量|次数|人数)\s*[|｜:：]?\s*\d*)+$"
    r"|^\d*\s*有用\s*\+1$"  # an encyclopedia's vote button (百科: 0有用+1)
    r"|^([A-Za-z])\1{7,}$"  # a code editor's span for measuring text (xxxxxxxxxx)
    # A site's advice on the browser to use (建议使用1024*768分辨率浏览), a call to
    # follow its account for more (关注同花顺财经（ths518），获取更多机会).
    r"|(?:建议|推荐|最佳)(?:使用|采用|浏览)?.{0,24}(?:分辨率|浏览器)(?:浏览|访问|下浏览)?[。.]?$"
    r"|^关注.{1,24}[，,]\s*获取更多\S{0,6}[。！!]?$"
    # …and its call to edit the entry (本词条缺少概述图，补充相关内容使词条更完整…).
    r"|^本词条缺少.{0,12}[，,]\s*补充相关内容"
    r"|^[@＠]\s?[^\s@＠]{2,20}$"  # a byline's second row: the writer's handle (@ GuanCun)
    # A community's subscription lines under a post (社区学习交流平台订阅：, 微信公众号：X,
    # Rustcc论坛: 支持rss), a platform's badge and disclaimer over a contributed post.
    r"|^\S{0,12}订阅\s*[:：]$|^微信公众号\s*[:：]\s*\S{1,24}$|支持\s*rss$"
    r"|^\S{0,12}\s*首页推荐$|^(?:本文|文章)(?:仅)?代表作者(?:本人|个人)(?:观点|看法|立场)"
    r"|^独家抢先看$|^\d+\s*(?:个回答|条回答|人赞同了该回答)$|^(?:\S{1,4}数\s*[:：]\s*[\d.万]+\s*)+$"
    # A poster's counters (楼主发言：108次 发图：0张), a reading-time row (3,162 阅读4分钟).
    r"|^(?:楼主)?发言\s*[:：]\s*\d+\s*次|发图\s*[:：]\s*\d+\s*张|阅读\s*(?:约|需|时长)?\s*[:：]?\s*\d+\s*分钟$"
    # A poster's box in a thread (本版等级：, 本版专家分：562, 结帖率：98.53%).
    r"|^(?:本版)?(?:等级|专家分|结帖率|积分|威望|金钱|技术分)\s*[:：]\s*[\d.]*\s*%?$"
    # A reading time alone (11 分鐘), a filing-time row (出稿時間：8/29 14：00), a
    # font-size widget (字級設定：小中大特), a listening widget's consent prompt.
    r"|^\d{1,3}\s*分钟$|^(?:出稿|更新)时间\s*[:：]|^(?:目前)?字级(?:设定|大小)?\s*[:：]|^请(?:先)?同意.{0,12}(?:隐私|条款|规范)"
    # An age gate (您即將進入之新聞內容需滿18歲方可瀏覽), a newsletter form's messages,
    # the heading of a feed of stories on one theme (繼續閲讀相同主題内容).
    r"|^您即将进入|(?:需|须)满\s*18\s*岁(?:才|方)可|^我已年满\s*18\s*岁|不同意本条款"
    r"|^请输入.{0,6}(?:电子信箱|邮箱|电子邮件)|^感谢(?:您|你)的订阅|^继续阅读相同主题|^同一主题$"
    # The notice Taiwanese news sites print under a story of suicide: hotlines
    # (安心專線, 生命線, 張老師專線) and a plea (《蘋果》關心你, 再給自己一次機會).
    r"|(?:安心|协谈|咨询|张老师)专线\s*[:：]|^生命线\s*[:：]|^\S{0,12}关心(?:你|您)\s*[:：]?\s*$"
    r"|给自己(?:一次)?机会\s*[:：]?$|^自杀(?:解决不了|不能解决)问题",
    re.I,
)
# A line made only of these is a toolbar (【打印此文】【关闭窗口】, 字号 大 中 小).
_TOOL_WORDS = re.compile(
    r"打印此文|打印本页|打印此页|打印文章|打印|列印本页|列印|关闭窗口|关闭本页|关闭此页|关闭|收藏本页|加入收藏|插入书签|加入书签|添加书签|收藏|设为首页|"
    r"保存|返回顶部|返回|字号|字体|目前字级|字级|转寄|大|中|小|默认|放大|缩小|纠错|分享|推荐给朋友|复制链接|产生缩网址|复制网址|"
    r"播报文章|听全文|手机查看|不感兴趣|展开全部|展开阅读全文|收起|举报|我来答|抢首赞|已赞过|已踩过|"
    r"倍速|高清|超清|标清|流畅|蓝光|循环播放|跳过片头|"
    r"Print|Close|Top|A[+\-＋－]"  # A- A+: a font-size switch
)
_TOOL_REST = re.compile(r"[\s\u3000\u00a0【】\[\]()（）|｜:：/·•>»\-]*")
# Headings of the lists that follow an article: everything after them is
# links to other pages.
_LIST_MARKER = re.compile(
    r"^[【\[]?\s*(?:相关|热门|推荐|延伸|往期|更多|猜你喜欢|精彩|最新|热点|相关联|关联|重点){1,2}\s*(?:视频|图片|图集)?\s*(?:新闻|阅读|文章|日志|链接|推荐|回顾|资讯|内容|精选|报道|专题|稿件|点阅|点击|附件|文档)?\s*[】\]]?\s*[:：]?\s*(?:>>|»)?$"
    r"|^[【\[]?\s*\S{0,6}排行榜?\s*[】\]]?$"
)
# Headings of the feeds of other stories and answers after an article (你可能还想看,
# 为您推荐, 更多回答): what follows is teasers and excerpts, however long.
_FEED_HEADING = re.compile(
    r"^[※★◆▶■●]?\s*[【\[]?\s*(?:(?:相关|热门|推荐|延伸|往期|近期|更多|精彩|最新|热点|重点|关联){1,2}\s*(?:视频|图片|图集)?\s*"
    r"(?:新闻|阅读|文章|日志|推荐|资讯|内容|报道|专题|回顾|精选|视频|图片|图集|分享|点阅|点击)"
    r"|猜(?:你|您)(?:还|也)?喜欢|(?:你|您)?可能(?:还|也)?(?:会)?(?:想看|喜欢|感兴趣|有兴趣)(?:的(?:文章|内容|新闻))?"
    r"|大家都在看|其他人(?:也)?在看"
    r"|(?:为你|为您)推荐|看了又看|(?:更多|其他|其它)(?:回答|答案)|(?:网友|大家)(?:还|都)在看"
    r"|相关(?:专业)?回答|(?:其他|其它)类似问题|(?:看|查看)?(?:其他|其它)\S{0,4}(?:新闻|文章|报道))"
    r"\s*(?:[（(]\d+[)）])?\s*[】\]]?\s*[:：]?$"
    # An account's own list of picks (【轻金融好文】) and its English label.
    r"|^【[^】]{1,10}(?:好文|推荐|精选)】$|^(?:RECOMMEND(?:ED)?|READ MORE|RELATED POSTS?)$"
)
# A pager: 首页 | 上一页 1 2 下一页 | 尾页, 共有3条 当前第1/1页 首页 上一页 ….
# A page number is a whole run of digits (\d{1,4} followed by no digit): left to
# split a long run (a domain 666…666.cn) every way, the match would never end.
_PAGER = re.compile(
    r"^(?:[\s|｜<>«»…\[\]【】,，/]|首页|尾页|末页|上一页|下一页|上页|下页|跳转|转到|GO"
    r"|(?:当前)?第\s*\d+\s*(?:/\s*\d+\s*)?页|共有?\s*\d+\s*(?:页|条)|\d+\s*条\s*/\s*页"
    r"|\d{1,4}(?!\d))+$",
    re.I,
)
_PAGER_WORD = re.compile(r"上一?页|下一?页|尾页|末页")
_SHORT = 60


def _simplified(text: str) -> str:
    # The converter is loaded on first use (opencc_converter caches it), not at import.
    return str(opencc_converter("t2s").convert(text))


# The header row of a government document's metadata table, its fields in
# columns over a row of their values: 索取号 | 发布时间 | 发布机构 | 文件编号 | 备注.
_FIELD = (
    r"(?:索引号|索取号|主题分类|体裁分类|组配分类|公开方式|公开范围|公开时限|发布时间|发布日期|"
    r"成文日期|发文日期|生效日期|废止日期|有效性|发布机构|发文机关|发文单位|文号|发文字号|文件编号|"
    r"主题词|关键词|备注|信息来源)"
)
_FIELD_ROW = re.compile(r"^" + _FIELD + r"(?:\s*\|\s*" + _FIELD + r"){2,}$")


_GUTTER = 3  # line numbers, at least, of a code block's gutter
# A JSP, ASP or PHP tag a server would have run (<%@ page contentType="…" %>).
_TEMPLATE_TAG = re.compile(
    r"\s*(?:<%(?!--).*?%>|<\?(?:php|=).*?\?>|<(?:jsp|c|s|fmt):\w+[^>]*/?>)+\s*", re.S
)
# A site's registration numbers (京ICP备12345678号, 豫ICP 579764531号, 沪公网安备 31010…).
_LICENCE_NUMBER = re.compile(
    r"ICP\s*[备證证]?\s*(?:字\s*)?[第]?\s*\d{5,}|公网安备\s*\d{5,}|公網安備\s*\d{5,}"
)


@lru_cache(maxsize=1 << 16)  # each line is asked of several times: a long page's too
def is_noise(text: str) -> bool:
    """True for a short line that is page furniture rather than article text.

    Traditional-script pages (當前位置, 版權所有, 列印) are judged in Simplified.
    A code block's gutter of line numbers set as a column of its own (1 2 3 … 12,
    a table cell in old Hugo themes) is furniture at any length.
    """
    numbers = text.split()
    if len(numbers) >= _GUTTER and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
        return True
    if _LICENCE_NUMBER.search(text) or _TEMPLATE_TAG.fullmatch(text):
        return True  # a footer's licence number; a server's template tag left in the file
    if len(text) > _SHORT * 2:
        return False
    text = _simplified(text)
    if (len(text) <= _SHORT and _NOISE.search(text)) or PROMOTION.search(text):
        return True
    if _PAGER.match(text) and _PAGER_WORD.search(text):
        return True
    if _FIELD_ROW.match(text):
        return True
    return _TOOL_REST.fullmatch(_TOOL_WORDS.sub("", text)) is not None


# A platform's disclaimer under its note over a contributed post.
_DISCLAIMER = re.compile(r"^(?:本文|文章)(?:仅)?代表作者(?:本人|个人)(?:观点|看法|立场)")
_NOTE = 2  # lines a platform's note over a post may hold before its disclaimer


def closes_platform_note(text: str, lines_before: int) -> bool:
    """True for a platform's disclaimer closing its note at the head of a post.

    少数派 sets its note over a contributed post (Matrix 是少数派的写作社区，…)
    and ends it with 文章代表作者个人观点，…: the lines above are the note.
    """
    return lines_before <= _NOTE and _DISCLAIMER.match(_simplified(text.strip())) is not None


def is_list_marker(text: str) -> bool:
    """True for the heading of a related/hot/recommended list (相关新闻, 热门文章 …)."""
    if len(text) > 12:
        return False
    text = _simplified(text)
    return bool(_LIST_MARKER.match(text) or _FEED_HEADING.match(text))


def is_feed_heading(text: str) -> bool:
    """True for the heading of a feed of other stories or answers (你可能还想看, 相关新闻)."""
    return len(text) <= 12 and bool(_FEED_HEADING.match(_simplified(text.strip())))


_BARE_HEADING = 8  # characters


def bare_heading(kind: str, text: str) -> bool:
    """A heading of a few words and no mark (文档信息, 相關連結): left with nothing
    under it at the end of the text, its box held only furniture."""
    return kind == "heading" and len(text) <= _BARE_HEADING and text.isalnum()
