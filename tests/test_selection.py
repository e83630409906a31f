"""Selection on hand-built portal layouts."""

from __future__ import annotations

from cleanser.body.selection import select
from cleanser.options import Options

from .helpers import PROSE, features_of

P2 = "他强调，要坚持稳中求进工作总基调，推动经济持续回升向好，切实保障和改善民生。"
SIDEBAR_SUMMARY = "这是一条推荐文章的摘要，写得很长，也有标点符号，看起来像正文一样。"


def run(markup: str, forum: bool = False) -> list[str]:
    sel = select(features_of(markup), ("测试标题",), Options(), forum)
    return [b.text for b in sel.kept if b.image is None]


def test_body_beats_sidebar_of_cards_with_summaries() -> None:
    cards = "".join(
        f"<li><a href=/{i}>推荐标题{i}</a><p>{SIDEBAR_SUMMARY}</p></li>" for i in range(8)
    )
    out = run(
        f"<body><div class=main><h1>测试标题</h1><p>{PROSE}</p><p>{P2}</p></div>"
        f"<div class=x9fK2><h3>猜你喜欢</h3><ul>{cards}</ul></div></body>"
    )
    assert out == [PROSE, P2]


def test_split_body_is_merged() -> None:
    out = run(
        f"<body><div class=wrap><div class=t1><p>{PROSE}</p></div>"
        f"<div class=img><img src=a.jpg><p>图为会议现场。</p></div>"
        f"<div class=t2><p>{P2}</p></div></div><div class=side><a href=/>链接</a></div></body>"
    )
    assert out == [PROSE, "图为会议现场。", P2]


def test_in_body_related_list_and_trailer_are_pruned() -> None:
    related = "".join(f"<li><a href=/{i}>相关新闻标题第{i}条内容</a></li>" for i in range(5))
    out = run(
        f"<div class=article><p>2024-05-01 10:00 来源：新华网</p><p>{PROSE}</p><p>{P2}</p>"
        f"<p>（责任编辑：王五）</p><h4>相关阅读</h4><ul>{related}</ul></div>"
    )
    assert out == [PROSE, P2]


def test_list_page_gives_nothing() -> None:
    items = "".join(
        f"<li><a href=/{i}>这是第{i}条新闻的标题内容</a><span>2024-05-0{i % 9 + 1}</span></li>"
        for i in range(40)
    )
    sel = select(features_of(f"<body><ul>{items}</ul></body>"), (), Options())
    assert sel.kept == [] and sel.reason


def test_forum_keeps_every_reply() -> None:
    posts = "".join(
        f"<div class=reply><a href=/u{i}>用户{i}</a><p>第{i}楼的回复内容，说得很有道理，我也同意。</p></div>"
        for i in range(5)
    )
    out = run(
        f"<div class=thread><p>{PROSE}</p><div class=comments>{posts}</div></div>", forum=True
    )
    assert len(out) == 6


def test_question_title_is_kept_on_q_and_a_pages_but_a_thread_subject_is_not() -> None:
    answers = "".join(f"<div class=answer><p>第{i}个回答：{PROSE}</p></div>" for i in range(3))
    for title, kept in (("地震预警网的预告准确吗？", True), ("自驾川西小环线七日记录", False)):
        page = f"<body><h1>{title}</h1><div class=thread>{answers}</div></body>"
        sel = select(features_of(page), (title,), Options(), True)
        assert (sel.kept[0].text == title) is kept


def test_comment_section_longer_than_article_is_left_out() -> None:
    comments = "".join(
        f"<div class=comment-item><p>网友{i}：这篇文章写得很好，值得一读，支持作者继续写下去！</p></div>"
        for i in range(20)
    )
    out = run(
        f"<body><div class=article><p>{PROSE}</p><p>{P2}</p></div>"
        f"<div class=comment-list><h3>网友评论</h3>{comments}</div></body>"
    )
    assert out == [PROSE, P2]


def test_blog_post_under_a_much_longer_comment_section_is_kept_alone() -> None:
    # Sixty comments outweigh the post many times over; the post is still the article.
    comments = "".join(
        f"<p># re: 很高兴入住博客堂 网友{i}</p><p>拜读了你翻译的书，很不错，期待你的新作早日出版！</p>"
        for i in range(60)
    )
    post = [PROSE, P2, PROSE.replace("国家", "地方"), P2.replace("他", "她")]
    out = run(
        "<body><div class=post>"
        + "".join(f"<p>{p}</p>" for p in post)
        + f"</div><div id=comments>{comments}</div></body>"
    )
    assert out == post


def test_author_line_under_the_headline_is_not_text() -> None:
    markup = (
        f"<body><div><p>测试标题</p><p>赵延东、风笑天</p><p>{PROSE}</p><p>{P2}</p></div></body>"
    )
    sel = select(features_of(markup), ("测试标题",), Options(), byline=("赵延东", "风笑天"))
    assert [b.text for b in sel.kept] == [PROSE, P2]
    assert [b.text for b in select(features_of(markup), ("测试标题",), Options()).kept] == [
        "赵延东、风笑天",
        PROSE,
        P2,
    ]


def test_prose_beside_a_huge_navbox_in_one_container_is_kept() -> None:
    # Wikipedia-style: paragraphs and a long link box share one container whose sum is
    # negative; the run of paragraphs wins over any single paragraph.
    paras = [PROSE.replace("国家", f"第{i}个") for i in range(8)]
    navbox = "".join(f"<li><a href='/w/{i}'>条目{i}</a></li>" for i in range(200))
    out = run(
        "<body><div class=content>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + f"<div><ul>{navbox}</ul></div></div></body>"
    )
    assert out == paras


NAV = "".join(f"<li><a href='/c/{i}'>频道{i}</a></li>" for i in range(30))


def test_two_line_post_in_a_named_body_is_an_article() -> None:
    post = "<p>测试标题</p><p>1107436458 某鹅 说明来处</p>"
    page = f"<body><ul class=nav>{NAV}</ul><div id=article_content>{post}</div></body>"
    sel = select(features_of(page), ("测试标题",), Options())
    assert [b.text for b in sel.kept] == ["测试标题", "1107436458 某鹅 说明来处"]
    assert sel.reason is None
    # The same lines in an unnamed container: too little text, no article.
    bare = select(features_of(page.replace("id=article_content", "")), ("测试标题",), Options())
    assert bare.kept == [] and bare.reason


def test_named_body_holding_only_links_is_still_no_article() -> None:
    links = "".join(f"<p><a href='/a/{i}'>第{i}篇文章的标题</a></p>" for i in range(3))
    page = f"<body><ul class=nav>{NAV}</ul><div class=entry-content>{links}</div></body>"
    sel = select(features_of(page), ("测试标题",), Options())
    assert sel.kept == [] and sel.reason


def test_labels_of_link_lists_inside_the_article_go_with_the_lists() -> None:
    related = "".join(
        f"<p>{label}</p><p><a href='/a/{i}'>沪指三周重挫近三成 券商大佬齐聚证监会{i}</a></p>"
        f"<p><a href='/b/{i}'>证监会又出五大招救市 千亿资金输血市场{i}</a></p>"
        for i, label in enumerate(["重点推荐", "证券要闻"])
    )
    paras = [PROSE, P2, PROSE.replace("国家", "地方"), P2.replace("他", "她")]
    body = "".join(f"<p>{p}</p>" for p in paras)
    out = run(f"<body><div><h3>市场概况</h3>{body}{related}</div></body>")
    assert out == ["市场概况", *paras]


def test_blog_home_page_keeps_the_first_dated_entry() -> None:
    entries = "".join(
        f"<h3>第{i}篇日记的标题</h3><p>2005-03-{10 + i:02d} 01:20:44</p><p>{PROSE if i == 0 else P2}</p>"
        for i in range(4)
    )
    assert run(f"<div class=blog>{entries}</div>") == [PROSE]


def test_article_followed_by_a_teaser_feed_keeps_the_article() -> None:
    feed = "".join(
        f"<li><a href=/{i}>推荐阅读的另一篇新闻标题第{i}条</a><p>{SIDEBAR_SUMMARY}</p></li>"
        for i in range(6)
    )
    out = run(f"<div class=stream><p>{PROSE}</p><p>{P2}</p><ul>{feed}</ul></div>")
    assert out == [PROSE, P2]


def test_a_feed_of_clipped_teasers_above_the_article_goes() -> None:
    # "headline summary……" on one line: a summary cut short is a teaser, not prose.
    feed = "".join(
        f"<li><a href=/{i}>要闻速递里另一篇新闻的标题第{i}条</a><span>{SIDEBAR_SUMMARY[:30]}……</span></li>"
        for i in range(6)
    )
    out = run(f"<div class=main><ul>{feed}</ul><h1>本篇标题</h1><p>{PROSE}</p><p>{P2}</p></div>")
    assert out[-2:] == [PROSE, P2] and not any("要闻速递" in line for line in out)


def test_headline_cards_with_byline_and_date_after_the_article_go() -> None:
    cards = "".join(
        f"<div><h3><a href=/{i}>评论版另一篇文章的标题第{i}篇</a></h3><div>作者{i}</div>"
        f"<div>2025年11月{10 + i}日</div><div>{SIDEBAR_SUMMARY}</div></div>"
        for i in range(6)
    )
    out = run(f"<div class=content><p>{PROSE}</p><p>{P2}</p>{cards}</div>")
    assert out == [PROSE, P2]


def test_tag_chips_before_the_next_post_are_not_headlines() -> None:
    # A feed of posts: user, time, text, then a line of linked #tags. The tag line is a
    # whole-line link, but no heading, so the next post's user and time lines do not
    # make it a headline with a byline, nor the posts a teaser feed.
    posts = "".join(
        f"<div><div>用户{i}号 Lv.{i}</div><div>{i}分钟前</div><p>{PROSE}</p>"
        f"<div><a href=/t/{i}>#城市夜景</a><a href=/t/m{i}>#手机摄影</a></div></div>"
        for i in range(6)
    )
    sel = select(features_of(f"<div class=feed>{posts}</div>"), (), Options())
    assert sel.reason is None and sum(b.text.endswith(PROSE) for b in sel.kept) == 6


def test_a_comment_heading_above_the_headline_is_a_channel_label() -> None:
    # 评论 heads comment sections, but also opinion columns: above the page's h1 it
    # labels the page, and the section it would flag holds the whole article.
    side = "".join(f"<p>{SIDEBAR_SUMMARY}{i}</p>" for i in range(3))
    out = run(
        f"<body><div class=main><div>评论</div><h1>测试标题</h1><p>{PROSE}</p><p>{P2}</p>"
        f"<p>{PROSE.replace('国家', '省里')}</p></div><div class=about>{side}</div></body>"
    )
    assert PROSE in out and P2 in out and "评论" not in out


def test_a_teaser_box_heading_goes_with_the_box() -> None:
    feed = "".join(
        f"<li><a href=/{i}>滚动新闻里另一篇新闻的标题第{i}条</a><span>{SIDEBAR_SUMMARY[:30]}……</span></li>"
        for i in range(6)
    )
    out = run(f"<div class=main><h2>滚动新闻</h2><ul>{feed}</ul><p>{PROSE}</p><p>{P2}</p></div>")
    assert out == [PROSE, P2]


def test_text_island_on_a_link_page_is_not_an_article() -> None:
    links = "".join(f"<li><a href=/{i}>频道导航链接第{i}个栏目名称</a></li>" for i in range(120))
    sel = select(
        features_of(f"<body><ul>{links}</ul><p>公司地址：某市某区某路1号某大厦9楼。</p></body>"),
        (),
        Options(),
    )
    assert sel.kept == [] and sel.reason


def test_focus_moves_the_precision_recall_balance() -> None:
    markup = (
        f"<div class=article><p>{PROSE}</p><p>{P2}<a href=/a>相关链接文字</a></p>"
        f"<p>（责任编辑：王五）</p><p>{SIDEBAR_SUMMARY}</p><p>图片来源网络</p></div>"
    )
    f = features_of(markup)

    def texts(focus: str) -> list[str]:
        sel = select(f, (), Options(focus=focus))  # type: ignore[arg-type]
        return [b.text for b in sel.kept]

    balanced, recall = texts("balanced"), texts("recall")
    assert balanced == [PROSE, P2 + "相关链接文字"]
    assert SIDEBAR_SUMMARY in recall and "图片来源网络" in recall  # read past the trailer

    edges = features_of(
        f"<div class=article><p>本报讯</p><p>{PROSE}</p><p>{P2}</p><p>编辑部供稿</p></div>"
    )
    assert [b.text for b in select(edges, (), Options()).kept] == [
        "本报讯",
        PROSE,
        P2,
        "编辑部供稿",
    ]
    assert [b.text for b in select(edges, (), Options(focus="precision")).kept] == [PROSE, P2]


def test_endless_scroll_keeps_the_article_under_the_page_headline() -> None:
    long_story = "".join(f"<p>{P2}{i}</p>" for i in range(8))
    markup = (
        f"<div class=feed><div class=a1><h1>测试标题</h1><p>{PROSE}</p></div>"
        f"<div class=a2><h1>另一篇完全不同的新闻报道标题</h1>{long_story}</div></div>"
    )
    assert run(markup) == [PROSE]


def test_no_article_reason_names_the_deciding_figures() -> None:
    links = "".join(f"<li><a href=/{i}>频道导航链接第{i}个栏目名称</a></li>" for i in range(120))
    island = select(
        features_of(f"<body><ul>{links}</ul><p>公司地址：某市某区某路1号某大厦9楼。</p></body>"),
        (),
        Options(),
    )
    assert island.reason and "island among" in island.reason and "link tokens" in island.reason
    short = select(features_of("<body><p>欢迎光临</p></body>"), (), Options())
    assert short.reason and "an article needs" in short.reason
