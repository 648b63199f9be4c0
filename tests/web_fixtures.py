"""Web pages and export rows written for the tests around paragraphs written for the tests."""

TITLE = "银行加码科技贷款"
PARAS = [
    "记者从多家银行获悉，今年以来国有大型银行持续加大对科技型企业的信贷投放力度，科技贷款余额同比增长超过两成。",
    "某国有大行相关负责人表示，该行已设立专项额度，计划在未来三年内向人工智能产业链提供不低于5000亿元的综合金融支持。",
    "业内人士认为，银行服务科技企业仍需完善风险评估体系，探索知识产权质押等新型融资方式。",
]
OTHER_PARAS = [
    "截至今年一季度末，某城商行普惠小微贷款余额为812.5亿元，较年初增加63亿元。",
    "该行行长表示，将继续加大对专精特新企业的支持力度，全年计划新增授信200亿元。",
]
# What a page holds besides the article: none of it may reach the text.
CHROME = ["首页", "股票频道", "广告：点击领取理财红包", "相关阅读", "央行：保持流动性合理充裕",
          "券商板块午后拉升", "版权所有", "京ICP备00000000号", "var ad", "track()", "color:red"]


def news_page(paras=PARAS, title=TITLE, charset="utf-8", meta_charset=None,
              published="2024-03-05T22:30:00+00:00", author="王小明", site="示例财经网") -> str:
    """A realistic article page: head metadata, scripts, styles, navigation, an ad, the
    article with a heading, an image caption and a related-links list, and a footer."""
    declared = (f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
                if meta_charset else f'<meta charset="{charset}">')
    body = "".join(f"<p>　　{p}</p>\n" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>{declared}
<title>{title}_财经频道_{site}</title>
<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<script>var ad = "广告代码"; function track() {{}}</script>
<style>.nav {{ color:red; }} .footer {{ font-size: 12px; }}</style></head>
<body>
<header><nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/stock">股票频道</a></li>
<li><a href="/bank">银行频道</a></li></ul></nav></header>
<div class="ad banner">广告：点击领取理财红包</div>
<main><article>
<h1>{title}</h1>
<div class="info"><span>2024-03-06 06:30</span> <span>来源：{site}</span></div>
{body}</article></main>
<aside class="related"><h3>相关阅读</h3><ul><li><a href="/n/1.html">央行：保持流动性合理充裕</a></li>
<li><a href="/n/2.html">券商板块午后拉升</a></li></ul></aside>
<footer class="footer"><p>版权所有 {site} 京ICP备00000000号</p><p><a href="/about">关于我们</a></p></footer>
<script>track();</script>
</body></html>"""


def hexo_post(paras=PARAS, title=TITLE) -> str:
    """A feed-mirror post: front matter after a blank line, an HTML body with CMS styles."""
    body = "".join(f'<p cms-style="font-L">　　{p}&nbsp;</p>\n' for p in paras)
    return (f"\n---\ntitle: '{title}'\ncategories:\n - 金融\n - 示例财经网\nauthor: 示例财经网\n"
            f"date: Tue, 05 Mar 2024 22:30:00 GMT\n---\n\n<div>   \n{body}</div>\n")
