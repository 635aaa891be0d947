"""The lines a site sets round its articles to ask something of the reader or
to cover itself: download the app, follow the account, support the writer,
no reprints without credit. Matched in Simplified Chinese."""

from __future__ import annotations

import re

# Promotions of the site's app, account or newsletter and a blog's trackback
# address, judged on lines of any length up to two short ones (they run on).
PROMOTION = re.compile(
    r"^[（(]?本文来自.{0,30}(?:下载|APP|客户端)|^(?:下载|安装).{0,20}(?:客户端|APP|应用)"
    # A site's call to read its help pages (需要了解更多…问题，请点击查看帮助中心…).
    r"|^(?:需要|想要?|如需|若需)(?:了解|知道)更多.{0,30}请(?:点击|访问|查看)"
    r"|^[（(]?更多.{0,40}请(?:继续)?关注|^请关注.{0,30}(?:公众号|微博|微信)|^你可以使用这个链接引用"
    r"|^欢迎关注[^，。！？,.!?]{1,16}$"  # 欢迎关注电大小微: a call to follow an account
    r"|^(?:扫码)?关注(?:微信)?公众号[「“《]"  # 关注公众号「站长严长生」，在手机上阅读所有教程
    r"|^喜欢这篇文章[？?]|(?:去|到)\s*App\s*(?:商店|Store)\s*搜"  # 去 App 商店搜 好奇心日报
    # A plea for a like (如果您喜歡我們的報導，請幫我們按個讚！), a picture box's hint.
    r"|^如果(?:您|你)喜欢.{0,12}请.{0,8}按(?:个)?赞|^点击图片可?(?:浏览|观看|查看)"
    r"|欢迎(?:扫码)?加入.{0,12}(?:微信群|QQ群|交流群)"  # a site's invitation to its chat group
    # 您好，欢迎来到某某网！: a site's welcome banner.
    r"|^(?:您好[，,]\s*)?欢迎(?:访问|光临|来到)[^，。！？,!?]{1,24}(?:网|网站|站|平台)[！!]"
    # 以上就是…的全部内容，…请继续关注某某网: a content site's sign-off under every page.
    r"|^(?:【结尾】)?以上就是.{0,60}(?:敬请|请继续|请|继续)关注"
    r"|邮件列表|每日新闻信|^订阅.{0,12}(?:邮件|电邮|周刊)|^订阅\s*(?:Telegram|WhatsApp|YouTube)"
    # An app's or a page's pitch under the text (…，立即下载经济日报App：https://…,
    # 苹果日报fb，每日分享精选新闻…).
    r"|(?:立即|马上|现在)下载.{0,12}(?:APP|App|app|客户端)|(?:fb|facebook|ig)\s*[，,]\s*每[日天]分享"
    r"|(?:赞好|点赞|关注).{0,20}(?:facebook|脸书)\s*(?:专版|专页|粉丝页)"  # 讚好hket Facebook 專版
    # A platform's disclaimer over what its users post, a licence or no-reprint notice.
    r"|(?:平台|本站|本网|网站)(?:仅|只)提供信息存储|^[“\"]?(?:免责|特别|平台|版权)声明\s*[:：]"
    r"|(?:观点)?仅代表作者(?:本人|个人)|(?:并?不|不一定)代表.{0,12}(?:的)?(?:立场|观点)$|请(?:在)?转载时注明|转载时请注明|(?:下载|安装).{0,8}(?:客户端|APP).{0,10}(?:福利|领取)|转载(?:必须|请|须|需)(?:注明|附上|保留)|版权协议"
    r"|(?:禁止|谢绝|严禁)(?:任何)?(?:商业)?转载|原创版权|^转载申请|报告(?:非法)?侵权"
    r"|如(?:若|需|要)?转载\s*[，,]?\s*请(?:务必)?(?:注明|联系|保留)"  # 如若转载，请注明出处
    # A portal's note on what it reprints (…出于传递更多信息之目的，并不意味着赞同其观点).
    r"|(?:出于|是为)传递更多信息之?目的|并不意味着赞同其观点"
    # A site's note on the pictures it takes (如果我们使用了您的图片，请与我们联系索取稿酬).
    r"|(?:使用|采用|转载)了?(?:您|你)的(?:图片|作品|文章).{0,10}(?:与|和)?我们联系"
    r"|(?:不希望|不愿).{0,6}(?:作品|图片|文章).{0,4}出现在本(?:站|网)"
    r"|(?:使用|采用)\s*cookies?\s*(?:数据|技术)?(?:以|来|为)"
    r"|(?i:(?:this|our)\s+(?:site|website)\s+uses\s+cookies)"  # a cookie notice, in English
    # A theme's banner for old browsers (Your browser is out-of-date! Update your browser …).
    r"|(?i:your\s+browser\s+is\s+out-of-date|update\s+your\s+browser\s+to\s+view)"
    r"|(?:您|你)的浏览器(?:版本)?(?:过低|过旧|太旧|已过时)"
    # A licence notice naming its Creative Commons licence (CC BY-NC-SA 4.0).
    r"|\bCC\s*BY(?:\s*-\s*(?:NC|ND|SA)){0,3}\s*\d\.\d|creativecommons\.org|知识共享署名"
    # A platform's call for accounts or contributors by mail (发送邮件至…申请加入…号).
    r"|(?:发送|发)?邮件至\s*\S+@\S+.{0,6}(?:申请|加入|投稿)"
    # A call to follow a page elsewhere, a newsletter, the site's app, a paywall, an age gate's law.
    r"|请(?:订阅|追踪|关注|加入).{0,20}(?:facebook|脸书|粉丝团|粉丝专页|专页|youtube)|^订阅.{0,12}电子报"
    r"|点我下载\s*APP|用\s*APP\s*看新闻|^\S{0,4}[「《“][^」》”]{1,10}[」》”]\s*APP$"
    r"|已过(?:查询)?时效|加入.{0,8}付费会员|网路内容分级处理办法"
    # A portal's dialog before an outside link (您访问的链接即将离开“首都之窗”门户网站…).
    r"|即将离开.{0,16}(?:网站|门户|首页|页面)"
    # A video site's pitch for its app (安装央视影音客户端，随时随地给你精彩！).
    r"|安装\S{0,12}客户端[，,]\s*随时随地"
    # A novel site's notes round a chapter, a plea for support, a thanks-for-reading box.
    r"|^章节错误|点此举报|^手机(?:站|版).{0,12}(?:地址|网址)|作者求(?:捧场|月票|推荐票|收藏)"
    r"|按\s*(?:回车|←|→).{0,12}键返回|请记(?:好|住)(?:我们|本站)的?(?:地址|网址|域名)"
    r"|^如果(?:您|你)?觉得.{0,20}(?:有帮助|有用).{0,24}(?:赞助|打赏|请我喝)"
    r"|^if you (?:like|enjoy(?:ed)?) (?:this|my) (?:blog|post|article)"
    # A tutorial site's box under each chapter (感觉本站内容不错，读后有收获？ /
    # 我要小额赞助，鼓励作者写出更好的教程 / 还可以分享给朋友).
    r"|^(?:觉得|感觉)(?:本站|本文|文章|教程)(?:的)?(?:内容)?不错|^我要(?:小额)?(?:赞助|打赏|催促作者)"
    r"|^(?:还)?可以分享给(?:你的)?(?:朋友|好友)们?[:：]?$|^给(?:作者|TA|ta|他|她)打赏",
    re.I,
)
