"""Each scorer alone, on small hand-built trees."""

from __future__ import annotations

import pytest
from lxml import html

import cleanser
from cleanser.body.density import block_weight, node_density
from cleanser.body.features import token_count
from cleanser.body.heuristic import (
    block_cue,
    class_tokens,
    element_cue,
    furniture_image,
    is_error_page,
    looks_like_forum,
    sidebar_heading,
)

from .helpers import PROSE, features_of


def el(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup)


# ---- features -------------------------------------------------------------


def test_tokens_count_cjk_characters_and_latin_runs() -> None:
    assert token_count("新华社北京5G网络 hello, world") == 10


def test_blocks_follow_block_elements_and_br() -> None:
    f = features_of(f"<div><p>{PROSE}<a href='#'>链接</a></p>第二行<br>第三行</div>")
    texts = [b.text for b in f.blocks]
    assert texts == [PROSE + "链接", "第二行", "第三行"]
    assert f.blocks[0].link_length == 2


def test_data_table_rows_are_tab_separated_lines() -> None:
    f = features_of(
        "<table><tr><td>地区</td><td>增长</td></tr><tr><td>北京</td><td>5%</td></tr></table>"
    )
    assert [b.text for b in f.blocks] == ["地区\t增长", "北京\t5%"]


def test_node_ranges_are_contiguous_subtrees() -> None:
    f = features_of(f"<div id=a><p>{PROSE}</p><p>二</p></div><div id=b><p>三</p></div>")
    a = next(n for n in f.nodes if n.el.get("id") == "a")
    assert (a.start, a.end) == (0, 2)
    assert f.length(a) == token_count(PROSE) + 1


def test_hidden_and_script_text_never_becomes_a_block() -> None:
    f = features_of(
        "<div><script>var x='脚本';</script><p style='display:none'>隐藏</p><p>可见</p></div>"
    )
    assert [b.text for b in f.blocks] == ["可见"]


# ---- density scorer -----------------------------------------------------------


def test_prose_weighs_positive_links_and_labels_negative() -> None:
    f = features_of(
        f"<div><p>{PROSE}</p><p><a href=/1>某地发生一起交通事故相关新闻标题</a></p><p>2024-05-01</p></div>"
    )
    prose, link, label = (block_weight(b) for b in f.blocks)
    assert prose > 50
    assert link < 0
    assert -5 <= label < 0


def test_data_table_rows_weigh_zero_unless_they_are_links() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>北京队</td><td>{90 - i}</td></tr>" for i in range(1, 4))
    f = features_of(
        f"<table>{rows}<tr><td><a href=/more>更多排名数据</a></td><td>榜单</td></tr></table>"
    )
    *data, linked = (block_weight(b) for b in f.blocks)
    assert data == [0.0, 0.0, 0.0]  # standings: data, not labels
    assert linked < 0  # a row that is a link still costs
    # The same short unpunctuated text outside a table is a label and costs.
    assert block_weight(features_of("<div><p>1 北京队 89</p></div>").blocks[0]) < 0


def test_a_long_data_table_keeps_its_article_together() -> None:
    """The intro above a standings table and the note below it are one article with it."""
    rows = "".join(f"<tr><td>{i}</td><td>球队{i}</td><td>{100 - i}</td></tr>" for i in range(40))
    page = (
        f"<html><body><div id=nav><a href=/>首页</a> <a href=/a>新闻</a></div>"
        f"<div id=main><p>{PROSE}</p><table>{rows}</table><p>{PROSE[::-1]}</p></div></body></html>"
    )
    text = cleanser.extract(page).text
    assert PROSE in text and PROSE[::-1] in text and "球队39\t" in text


def test_keyword_blob_is_not_prose() -> None:
    blob = " ".join(["关键词甲乙丙"] * 60)
    f = features_of(f"<div><p>{blob}</p></div>")
    assert block_weight(f.blocks[0]) < 0


def test_code_blocks_count_as_content() -> None:
    f = features_of("<pre>npm install -g depcheck\ndepcheck --json</pre>")
    assert block_weight(f.blocks[0]) > 0


def test_gne_style_densities() -> None:
    f = features_of(
        f"<div id=x><p>{PROSE}</p><p>{PROSE}</p></div><ul id=y>"
        + "<li><a href=/>导航链接</a></li>" * 5
        + "</ul>"
    )
    x = next(n for n in f.nodes if n.el.get("id") == "x")
    y = next(n for n in f.nodes if n.el.get("id") == "y")
    dx, dy = node_density(f, x), node_density(f, y)
    assert dx.gne_score > dy.gne_score
    assert dy.link_density == 1.0 and dx.link_density == 0.0


# ---- heuristic scorer --------------------------------------------------------------


def test_class_tokens_split_pinyin_camel_and_hashes() -> None:
    assert class_tokens(el('<div class="rwb_rdtj hotNews-3fKx" id="mainBox">x</div>')) == [
        "rwb",
        "rdtj",
        "hot",
        "news",
        "f",
        "kx",
        "main",
        "box",
    ]


def test_element_cues() -> None:
    assert element_cue(el('<div class="rwb_rdtj">x</div>')).kind == "sidebar"  # type: ignore[union-attr]
    assert element_cue(el('<div id="footer">x</div>')).kind == "footer"  # type: ignore[union-attr]
    assert element_cue(el("<nav>x</nav>")).kind == "nav"  # type: ignore[union-attr]
    # a content token outweighs a bad one; substrings are not tokens
    assert element_cue(el('<div class="article-side">x</div>')) is None
    assert element_cue(el('<div class="padding">x</div>')) is None
    # forum replies are content on forum pages
    assert element_cue(el('<div class="comment">x</div>'), forum=True) is None
    assert element_cue(el('<div class="comment">x</div>')) is not None


def test_sidebar_headings() -> None:
    assert sidebar_heading("猜你喜欢") == "猜你喜欢"
    assert sidebar_heading("相关阅读 更多>>") == "相关阅读"
    assert sidebar_heading("热门文章排行") is not None
    assert sidebar_heading("我们的热点分析文章很长很长很长") is None


def test_text_cues() -> None:
    f = features_of(
        "<div><p>版权所有 © 2024 某某网 京ICP备12345678号</p>"
        "<p>声明：本文仅代表作者本人观点，不代表本网立场。</p>"
        "<p>分享到：微信 微博</p><p>责任编辑：王五</p>"
        "<p>2024-05-01 10:00 来源：新华社</p></div>"
    )
    kinds = [block_cue(b).kind for b in f.blocks]  # type: ignore[union-attr]
    assert kinds == ["footer", "disclaimer", "share", "terminator", "meta"]


def test_forum_detection() -> None:
    f = features_of(
        "<div><p>楼主</p><p>沙发</p><p>板凳</p><p>3楼</p><p>4楼</p><p>只看该作者</p></div>"
    )
    assert looks_like_forum(None, f.blocks)
    assert looks_like_forum("https://bbs.example.cn/thread-1-1-1.html", [])
    assert not looks_like_forum(
        "https://news.example.cn/a.html", features_of(f"<p>{PROSE}</p>").blocks
    )


def test_video_player_text_and_ad_labels_are_furniture() -> None:
    f = features_of(
        "<div><p>很抱歉，当前视频播放失败</p><p>广告</p><p>广告投放的效果很好，我们会继续。</p></div>"
    )
    cues = [block_cue(b) for b in f.blocks]
    assert cues[0] is not None and "video" in cues[0].rule
    assert cues[1] is not None and cues[1].rule == "ad label"
    assert cues[2] is None


def test_public_service_boxes_are_furniture() -> None:
    f = features_of(
        "<div><p>★中時電子報關心您：再給自己一次機會</p><p>自殺諮詢專線：0800-788995（24小時）</p>"
        "<p>＊飲酒過量，有害健康＊</p><p>她說，家人一直很關心她的生活，時常去探望。</p></div>"
    )
    cues = [block_cue(b) for b in f.blocks]
    assert [c.kind if c else None for c in cues] == ["disclaimer", "disclaimer", "disclaimer", None]


def test_outlet_bar_date_and_empty_labels_are_meta_lines() -> None:
    f = features_of(
        "<div><p>央视财经 | 2020年08月03日 07:16</p><p>原标题：</p>"
        "<p>原标题：上半年GDP十强排位出炉</p><p>国家统计局 | 数据显示经济回暖</p></div>"
    )
    rules = [(c.kind, c.rule) if (c := block_cue(b)) else None for b in f.blocks]
    assert rules == [
        ("meta", "dateline"),
        ("meta", "empty field label"),
        ("meta", "original-title note"),
        None,
    ]


def test_button_labels_are_furniture_only_as_whole_lines() -> None:
    f = features_of("<div><p>播报</p><p>编辑</p><p>编辑：王五</p><p>展开全文</p></div>")
    rules = [c.rule if (c := block_cue(b)) else None for b in f.blocks]
    assert rules[0] == rules[1] == rules[3] == "button label"
    assert rules[2] != "button label"


@pytest.mark.parametrize(
    ("markup", "furniture"),
    [
        ('<p><img src="https://img.example.cn/2025/a3f1c9e0.jpg"></p>', False),
        ('<p><img src="/static/logo_s.png" width="13" height="12"></p>', True),  # icon size
        ('<p><img class="authicn vm" src="/common/online_member.gif"></p>', True),
        ('<p><img src="//img.example.cn/qr/app.png" alt="扫二维码下载"></p>', True),
        ('<div class="AuthorInfo-avatarWrapper"><img src="/v2-a0_l.jpg"></div>', True),
        (
            '<div class="thumb-strip"><ul><li><a href="#p1"><img src="/a_s.jpg"></a></li></ul></div>',
            True,
        ),
        # a teaser card: the picture of a link to another page with its own text
        (
            '<a href="https://x.cn/photo/c_1.html"><img src="/t.jpg"><span>图片新闻：邮轮靠港</span></a>',
            True,
        ),
        # a picture linked to its full-size file is the article's
        ('<a href="https://x.cn/big/a.jpg"><img src="/a.jpg"></a>', False),
        # avatars by their Chinese names: a user face (50px), 头像 in pinyin
        ('<div class="face"><a href="/u/1"><img src="/c/1.jpg" width="50"></a></div>', True),
        ('<span class="touxiang"><img src="/u/3958.jpg"></span>', True),
    ],
)
def test_furniture_images(markup: str, furniture: bool) -> None:
    img = next(el("<div>" + markup + "</div>").iter("img"))
    assert (furniture_image(img) is not None) == furniture


def test_q_and_a_answer_chrome_is_furniture_on_forum_pages() -> None:
    f = features_of(
        "<div><p>抢首赞 已赞过 已踩过</p><p>你对这个回答的评价是？</p><p>采纳数：152 获赞数：112</p>"
        "<p>本回答由某某公司提供</p><p>地震预警网的预告非常精准，对我们来说非常有帮助。</p></div>"
    )
    kinds = [c.kind if (c := block_cue(b, forum=True)) else None for b in f.blocks]
    assert kinds == ["meta", "meta", "meta", "meta", None]


def test_statement_heading_alone_ends_the_article() -> None:
    f = features_of(
        "<div><p>反侵权公告：</p><p>【法律声明】</p><p>免责声明：本文仅供参考。</p></div>"
    )
    kinds = [c.kind if (c := block_cue(b)) else None for b in f.blocks]
    assert kinds == ["terminator", "terminator", "disclaimer"]


def test_original_title_notes_bar_credits_and_glyph_lines() -> None:
    f = features_of(
        "<div><p>（原标题：南湖站“共享陪护”上线一个月）</p><p>本文原标题：《定了！邮轮母港即将开通》</p>"
        "<p>编辑|禤志杰</p><p>\ue62b\ue62b\ue62b</p><p>39健康网专稿，未经书面授权请勿转载。</p>"
        "<p>播报文章</p><p>据了解，原标题为《宇航员之死》的课文来自《读者》。</p></div>"
    )
    rules = [c.rule if (c := block_cue(b)) else None for b in f.blocks]
    assert rules[0] == rules[1] == "original-title note"
    assert rules[2] == "editor/credit trailer"
    assert rules[3] == "icon-font or undecodable characters only"
    assert rules[4] is not None and "请勿转载" in rules[4]
    assert rules[5] == "button label"
    assert rules[6] is None  # prose that mentions an original title


def test_platform_notices_feed_buttons_and_byline_editor_trailers() -> None:
    f = features_of(
        "<div><p>以上内容为用户上传并发布，本平台仅提供信息存储服务</p><p>不感兴趣</p>"
        "<p>[作者: 刘满仓 责任编辑: 杨丹宇 ]</p><p>延伸 · 推荐</p></div>"
    )
    kinds = [c.kind if (c := block_cue(b)) else None for b in f.blocks]
    assert kinds == ["disclaimer", "share", "terminator", "sidebar-heading"]


def test_asp_dates_and_article_source_lines() -> None:
    f = features_of(
        "<div><p>作者： 来源： 发布日期： 7/5/2005 9:23:57 PM</p><p>发表时间： 06/02/2022 - 13:48</p>"
        "<p>文章来源：千龙网</p><p>他说，7/5/2005 那天的会议改变了一切。</p></div>"
    )
    kinds = [c.kind if (c := block_cue(b)) else None for b in f.blocks]
    assert kinds == ["meta", "meta", "terminator", None]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("字号: [大] [中] [小] [打印]", "share"),
        ("安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址】", "share"),
        ("本作品为原创，转载时务请注明出处。", "disclaimer"),
        ("+关注", "share"),
        ("【文/观察者网专栏作者 王文】", "meta"),
        ("执笔/叨叨姐、胡一刀&李小飞刀", "meta"),
        ("記者王文萱／台北報導", "meta"),
        ("编辑 刘晓阳 校对 李铭", "meta"),
        ("原创 南方都市报 2019-09-09 16:01:46", "meta"),
        ("信息来源: 中国空间技术研究院", "terminator"),
        ("- THE END -", "terminator"),
        ("標籤：", "meta"),
        ("http://house.sina.com.cn 2005年03月31日03:18 北京娱乐信报", "meta"),
        ("文：眉间尺", "meta"),
        ("Powered by Discuz! Archiver 5.0.0", "footer"),
        ("第1页/共1页 << 上一页 | 下一页 >>", "share"),
        ("Trackback: http://tb.example.net/TrackBack.aspx?PostId=1", "share"),
        ("1. 任何言论纯属作者个人观点，与本站无关；", "disclaimer"),
        ("转自《北京科技报》", "terminator"),
        ("〓 网易娱乐 留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓", "meta"),
        ("财经新闻TOP10:", "sidebar-heading"),
    ],
)
def test_more_chrome_and_credit_lines(line: str, kind: str) -> None:
    cue = block_cue(features_of(f"<div><p>{line}</p></div>").blocks[0])
    assert cue is not None and cue.kind == kind


def test_prose_that_starts_like_a_credit_is_text() -> None:
    for line in (
        "原创作品越来越受到重视，平台也在加大扶持力度。",
        "编辑部的同事们都很辛苦，每天加班到深夜。",
    ):
        assert block_cue(features_of(f"<div><p>{line}</p></div>").blocks[0]) is None


def test_counters_clocks_and_durations_are_furniture() -> None:
    f = features_of(
        "<div><p>3/6</p><p>00:00</p><p>《北京影人》5月20日起播出 时长：01:45 来源：电影网</p>"
        "<p>会议于10:30开始，持续到中午。</p></div>"
    )
    kinds = [c.kind if (c := block_cue(b)) else None for b in f.blocks]
    assert kinds == ["share", "share", "share", None]


@pytest.mark.parametrize(
    "apology",
    [
        "很抱歉，您要访问的页面不存在或已被删除。",
        "很抱歉，您要瀏覽的頁面可能已被移除、名稱已變更，或是暫時無法使用。",
        "抱歉，您訪問的頁面已過期。",
        "找不到頁面，請返回首頁。",
    ],
)
def test_error_page_apologies_in_either_script(apology: str) -> None:
    assert is_error_page(apology)


def test_an_article_that_mentions_pages_is_no_apology() -> None:
    assert is_error_page("市政府网站改版后，首页新增了政务服务专栏，访问量明显上升。") is None
