"""Messaging IDs after their platform word in Chinese, Japanese, Korean and Arabic posts
(detectors/contact/messaging.py, reported by the social_handle detector)."""

from __future__ import annotations

import pytest
from found import spans as handles

from postguard.detectors.contact import SocialHandleDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> SocialHandleDetector:
    return SocialHandleDetector(Policy.default())


POSITIVES: list[tuple[str, str]] = [
    ("有问题可以加我微信：chen_xm2011", "chen_xm2011"),
    ("我的微信号是 tiantian-0808，记得加我", "tiantian-0808"),
    ("作业不会的话问我，QQ号：2873341920", "2873341920"),
    ("QQ：小雨 不对，是 QQ号 88120345", "88120345"),
    ("私のLINE ID：mio.hana07 です", "mio.hana07"),
    ("ラインID：yuto_k2010 追加してね", "yuto_k2010"),
    ("카톡 아이디는 seoyeon_22 이에요", "seoyeon_22"),
    ("카카오톡 ID: jiho0417 로 연락해", "jiho0417"),
    ("Add my KakaoTalk ID = dami_x3", "dami_x3"),
    ("سناب: lama_2012", "lama_2012"),
    # an English sentence around the platform word, a comma before "ID", の before ID
    ("Ask Ji-woo for homework help, his KakaoTalk is jiwoo_0922.", "jiwoo_0922"),
    ("Her mum uses Kakao, ID sunmi.k77, not WhatsApp.", "sunmi.k77"),
    ("けんたのLINEのID：kenta_0708 だよ", "kenta_0708"),
    ("Join our WeChat - then message me, my WeChat ID is yan_li2013", "yan_li2013"),
    # other scripts and apps: Vietnamese Zalo, Thai LINE, Arabic WeChat, QQ in English
    ("Zalo của lớp: thao.nguyen12", "thao.nguyen12"),
    ("ไลน์ไอดี: mint_2013 ทักมาได้เลย", "mint_2013"),
    ("ويتشات الطالب: omar_2012", "omar_2012"),
    ("For homework help, QQ: 3318420675", "3318420675"),
    # the ID word in brackets after the platform word
    ("Parents can reach the trip leader on LINE (ID: tanaka-trip09) while abroad.",
     "tanaka-trip09"),
    ("Message your buddy Seo-yeon on KakaoTalk (ID: seoyeon.k14) before Monday.", "seoyeon.k14"),
    ("先生とはLINE（ID：hikari_class3）で連絡できます。", "hikari_class3"),
]

TRAPS: list[str] = [
    "欢迎关注我们的微信公众号：cie_uk",
    "学校的LINE公式アカウントをフォローしてください。",
    "我们在微信上发了照片。",
    "QQ群：55667788",
    "We bought LINE Friends stickers in Seoul.",
    "LINE is how most Japanese families keep in touch.",
    "Our KakaoTalk channel is where term dates go.",
    "WeChat - add us for updates from the office",
    "KakaoTalk is banned on school tablets.",
    "We use Zalo every day to share class photos.",
    "QQ Music is popular with our Year 9s.",
    "WeChat Pay and Alipay are accepted in the shop.",
    "카톡으로 사진 보내 드릴게요.",
    "微信：请扫描下方二维码",
    # "온라인" (online) holds "라인"; a link after a colon is no ID
    "내일 온라인 수업 링크입니다: https://meet.example.org/abc 확인하세요.",
    "가이드라인 안내: https://school.example.kr/guide",
    "Download LINE (it is free) before the trip to Osaka.",
]


@pytest.mark.parametrize(("text", "ident"), POSITIVES)
def test_messaging_ids_after_the_platform_word(detector: SocialHandleDetector, text: str,
                                               ident: str) -> None:
    assert ident in handles(detector, text)


@pytest.mark.parametrize("text", TRAPS)
def test_public_accounts_groups_and_words_are_not_ids(detector: SocialHandleDetector,
                                                      text: str) -> None:
    assert handles(detector, text) == []
