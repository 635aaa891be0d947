from g60pub.model import Article, Block, block_id, make_blocks


def test_block_id_depends_on_text_only():
    assert block_id("松江、杭州、嘉兴三地签约。") == block_id("松江、杭州、嘉兴三地签约。")
    assert block_id("甲") != block_id("乙")


def test_inserting_a_block_keeps_the_ids_of_the_others():
    before = make_blocks([("paragraph", "一"), ("paragraph", "二")], title="题")
    after = make_blocks([("paragraph", "新"), ("paragraph", "一"), ("paragraph", "二")], title="题")
    assert [b.id for b in before] == [b.id for b in after[1:]]


def test_repeated_text_gets_unique_ids():
    blocks = make_blocks([("paragraph", "同"), ("paragraph", "同")])
    assert blocks[0].id != blocks[1].id
    assert blocks[1].id == blocks[0].id + "-2"


def test_article_json_has_exactly_the_contract_keys():
    art = Article(title="题", blocks=(Block("b1", "paragraph", "文"),))
    assert list(art.to_json()) == [
        "title",
        "author",
        "source",
        "published",
        "via",
        "url",
        "lang",
        "blocks",
    ]
    assert Article.from_json(art.to_json()) == art
