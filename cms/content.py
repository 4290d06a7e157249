"""English and Russian content that `manage.py load_content` publishes.

Cookies marked "status": "unconfirmed" belong to services the statement names but the demo does
not load: visitors see them marked "not yet confirmed on this site" until the site owner sees the
site set them and confirms them (or deletes the rows).

Each declaration was checked against its vendor's documentation; the comment beside a lifetime
says where it comes from. A first-party cookie is stored under this site's own address, even when
another service's script on our pages writes it (Google Analytics, the Google Ads conversion
linker, the Meta Pixel); a third-party cookie is stored under another service's address.
"""

HOME = {
    "title": {"en": "Welcome to SOFTPRO", "ru": "Добро пожаловать на сайт SOFTPRO"},
    "seo_title": {"en": "SOFTPRO", "ru": "SOFTPRO — главная страница"},
    "search_description": {
        "en": "The website of the private enterprise SOFTPRO. Find out which cookies we use and "
        "how you can manage them.",
        "ru": "Сайт частного предприятия SOFTPRO. Узнайте, какие файлы cookie мы используем и как "
        "вы можете ими управлять.",
    },
    "intro": {
        "en": "<p>Welcome to the website of SOFTPRO. Without your consent we use only the cookies "
        'this site needs to work. Our <a href="/en/cookie-policy/">cookie policy</a> explains '
        "which cookies we use, why, and how you can change your choice at any time through “Cookie "
        "settings” at the bottom of every page.</p>",
        "ru": "<p>Добро пожаловать на сайт SOFTPRO. Без вашего согласия мы используем только те "
        "файлы cookie, без которых сайт не может работать. В нашей "
        '<a href="/ru/cookie-policy/">Политике использования файлов cookie</a> рассказано, '
        "какие файлы cookie мы используем и зачем, а также как в любой момент изменить свой выбор "
        "по ссылке «Настройки файлов cookie» внизу каждой страницы.</p>",
    },
}

HOME_BODY = [
    (
        "text",
        {
            "en": "<h2>SOFTPRO in two minutes</h2><p>The video below comes from YouTube. It loads "
            "only if you allow cookies from other services, or just this once.</p>",
            "ru": "<h2>SOFTPRO за две минуты</h2><p>Видео ниже размещено на YouTube. Оно "
            "загрузится, только если вы разрешите файлы cookie других сервисов или разрешите "
            "загрузку один раз.</p>",
        },
    ),
    (
        "embed",
        {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": {"en": "About SOFTPRO (video)", "ru": "О компании SOFTPRO (видео)"},
        },
    ),
]

POLICY = {
    "slug": "cookie-policy",
    "title": {"en": "Cookie policy", "ru": "Политика использования файлов cookie"},
    "seo_title": {
        "en": "Cookie policy | SOFTPRO",
        "ru": "Политика использования файлов cookie | SOFTPRO",
    },
    "search_description": {
        "en": "Which cookies the SOFTPRO website uses, why and for how long, and how to manage and "
        "delete them.",
        "ru": "Какие файлы cookie использует сайт SOFTPRO, с какой целью и как долго они хранятся, "
        "а также как управлять ими и удалять их.",
    },
    "body": [
        (
            "text",
            {
                "en": "<p>The private enterprise SOFTPRO+ (“SOFTPRO”, “we”) uses cookies to offer "
                "you a more personalized, higher-quality web service. In this cookie policy, we "
                "explain in full which cookies we use on this website, how we use them and for "
                "what purpose.</p><p>We will publish any future changes to this policy on this "
                "page. Please check it from time to time to see whether it has been clarified or "
                "amended.</p>",
                "ru": "<p>Частное предприятие SOFTPRO+ (далее — «SOFTPRO», «мы») использует "
                "технологию файлов cookie, чтобы сделать наш веб-сервис более персонализированным "
                "и качественным. В настоящей Политике использования файлов cookie мы подробно "
                "рассказываем, какие файлы cookie используются на этом сайте, как и с какой "
                "целью.</p><p>Все будущие изменения настоящей Политики будут опубликованы на "
                "этой странице. Просим периодически проверять, не была ли Политика уточнена или "
                "изменена.</p>",
            },
        ),
        ("heading", {"en": "What are cookies?", "ru": "Что такое файлы cookie?"}),
        (
            "text",
            {
                "en": "<p>Cookies are files or pieces of information that may be stored on your "
                "computer (or on another device that connects to the internet, such as a "
                "smartphone or tablet) when you visit a website. A cookie usually contains the "
                "name of the site it came from, its “lifetime” (how long it will stay on your "
                "device) and a value, which is usually a randomly generated unique "
                "number.</p><p>When you visit a site, you may also receive cookies from other "
                "sites or web servers without noticing it. These are called “third-party” cookies. "
                "They appear because the page you visit may contain elements stored on other "
                "servers under other domains, such as images, maps, sound files or links to other "
                "web pages.</p><p>Cookies do not harm your device. They allow us to make "
                "navigating the pages of our site faster and easier, and they serve many purposes, "
                "from signing you in to remembering your settings for this site. A browser usually "
                "holds many cookies, and some of them are kept for a long time.</p>",
                "ru": "<p>Файлы cookie — это файлы или фрагменты информации, которые могут "
                "сохраняться на вашем компьютере (или на другом устройстве с доступом в интернет, "
                "например на смартфоне или планшете) при посещении сайта. Как правило, такой файл "
                "содержит имя сайта, с которого он получен, срок хранения файла (то есть сколько "
                "времени он будет оставаться на устройстве) и значение — обычно случайно "
                "сгенерированный уникальный номер.</p><p>Посещая сайт, вы можете незаметно для "
                "себя получить файлы cookie и от других сайтов или веб-серверов. Такие файлы "
                "называются «сторонними» файлами cookie. Они появляются потому, что посещаемая "
                "страница может содержать элементы, размещённые на других серверах в других "
                "доменах: изображения, карты, звуковые файлы, ссылки на другие "
                "веб-страницы.</p><p>Файлы cookie не причиняют вреда вашему устройству. Они "
                "позволяют нам сделать навигацию по страницам нашего сайта более быстрой и удобной "
                "и служат самым разным целям — от входа в систему до хранения ваших настроек для "
                "этого сайта. Как правило, в браузере хранится множество файлов cookie, и "
                "некоторые из них сохраняются в течение длительного времени.</p>",
            },
        ),
        (
            "heading",
            {
                "en": "Cookies we use and their purpose",
                "ru": "Используемые файлы cookie и цели их использования",
            },
        ),
        (
            "text",
            {
                "en": "<p>Below we describe the categories of cookies we use and what each "
                "category is for. For every cookie we give its name, provider, purpose and "
                "lifetime, and whether it is a first-party cookie (stored under this site’s "
                "address, even when another service’s script on our pages sets it) or a "
                "third-party cookie (stored under another service’s address). Strictly necessary "
                "cookies are used "
                "without your consent; cookies of every other category are used only if you allow "
                "them.</p>",
                "ru": "<p>Ниже описаны категории файлов cookie, которые мы используем, и цели их "
                "использования. Для каждого файла cookie указаны его имя, поставщик, цель и срок "
                "хранения, а также то, является ли он собственным (он хранится под адресом этого "
                "сайта, даже если его записывает сценарий другого сервиса на наших страницах) "
                "или сторонним (он хранится под адресом другого сервиса). Строго необходимые "
                "файлы cookie используются без вашего согласия; файлы cookie остальных "
                "категорий используются только с вашего согласия.</p>",
            },
        ),
        (
            "category",
            {
                "key": "necessary",
                "required": True,
                "title": {
                    "en": "Strictly necessary cookies",
                    "ru": "Строго необходимые файлы cookie",
                },
                "summary": {
                    "en": "Needed for the site to work: they protect the forms editors use to "
                    "sign in, keep editors signed in and remember your cookie choices. They "
                    "cannot be switched off.",
                    "ru": "Нужны для работы сайта: защищают формы, с помощью которых редакторы "
                    "входят в систему, поддерживают их сеанс и запоминают ваш выбор в отношении "
                    "файлов cookie. Отключить их нельзя.",
                },
                "purpose": {
                    "en": "<p>Strictly necessary (basic) cookies are needed to sign in and to move "
                    "between the pages of the site; without them, parts of the site are "
                    "unavailable. On this site they protect the forms editors use to sign in to "
                    "the admin area against cross-site request forgery (CSRF), keep editors signed "
                    "in, and remember your cookie choices so that the banner does not appear on "
                    "every page. These cookies do not collect information about you for marketing "
                    "or advertising purposes and do not remember which pages of the site you "
                    "visited. Because the site cannot work properly without them, this category "
                    "cannot be switched off. How long each cookie is kept is shown in the table "
                    "below. How to manage cookies is described in the section "
                    '“<a href="#managing-cookies-and-their-deletion">Managing cookies '
                    "and their deletion</a>” below.</p>",
                    "ru": "<p>Строго необходимые (основные) файлы cookie нужны для входа в систему "
                    "и для перехода между страницами сайта; без них часть возможностей сайта "
                    "недоступна. На этом сайте они защищают формы, с помощью которых редакторы "
                    "входят в административный раздел, от подделки межсайтовых запросов (CSRF), "
                    "поддерживают сеанс редактора после входа и запоминают ваш выбор в отношении "
                    "файлов cookie, чтобы баннер не появлялся на каждой странице. Эти файлы cookie "
                    "не собирают сведения о вас в маркетинговых или рекламных целях и не "
                    "запоминают, какие страницы сайта вы посещали. Поскольку без них сайт не может "
                    "работать надлежащим образом, отключить эту категорию нельзя. Срок хранения "
                    "каждого файла cookie указан в таблице ниже. О том, как управлять файлами "
                    "cookie, рассказано в разделе "
                    '«<a href="#управление-файлами-cookie-и-их-удаление">Управление файлами '
                    "cookie и их удаление</a>» "
                    "ниже.</p>",
                },
                "lifetime": {
                    "en": "From 2 weeks to 1 year, depending on the cookie.",
                    "ru": "От 2 недель до 1 года в зависимости от файла cookie.",
                },
                "cookies": [
                    {
                        "name": "csrftoken",
                        "provider": {"en": "Django (this site)", "ru": "Django (этот сайт)"},
                        "purpose": {
                            "en": "Protects the forms editors use to sign in to the admin area "
                            "against cross-site request forgery (CSRF).",
                            "ru": "Защищает формы, с помощью которых редакторы входят в "
                            "административный раздел, от подделки межсайтовых запросов (CSRF).",
                        },
                        # Django's CSRF_COOKIE_AGE: 31449600 s, 52 weeks (docs.djangoproject.com
                        # /en/stable/ref/settings/#csrf-cookie-age).
                        "duration": {"en": "1 year", "ru": "1 год"},
                        "party": "first",
                    },
                    {
                        "name": "sessionid",
                        "provider": {"en": "Django (this site)", "ru": "Django (этот сайт)"},
                        "purpose": {
                            "en": "Keeps an editor signed in to the admin area.",
                            "ru": "Поддерживает сеанс редактора, вошедшего в административный "
                            "раздел.",
                        },
                        # Django's SESSION_COOKIE_AGE: 1209600 s
                        # (…/ref/settings/#session-cookie-age).
                        "duration": {"en": "2 weeks", "ru": "2 недели"},
                        "party": "first",
                    },
                    {
                        "name": "cookie_consent",
                        "provider": {"en": "This site", "ru": "Этот сайт"},
                        "purpose": {
                            "en": "Remembers your cookie choices and a random consent id, so that "
                            "your choices are respected and the banner is not shown again.",
                            "ru": "Хранит ваш выбор в отношении файлов cookie и случайный "
                            "идентификатор согласия, чтобы ваш выбор соблюдался, а баннер не "
                            "появлялся повторно.",
                        },
                        # COOKIE_POLICY_ACCEPT_DAYS and _REJECT_DAYS: 182 (cookie_policy/conf.py).
                        "duration": {"en": "6 months (182 days)", "ru": "6 месяцев (182 дня)"},
                        "party": "first",
                    },
                ],
            },
        ),
        (
            "category",
            {
                "key": "functional",
                "required": False,
                "title": {"en": "Functional cookies", "ru": "Функциональные файлы cookie"},
                "summary": {
                    "en": "Remember settings you choose, such as a language chosen in the admin "
                    "area. This site’s functional cookie is deleted when you close your browser.",
                    "ru": "Запоминают выбранные вами настройки, например язык, выбранный в "
                    "административном разделе. Функциональный файл cookie этого сайта удаляется "
                    "при закрытии браузера.",
                },
                "purpose": {
                    "en": "<p>Functional (session) cookies let the site remember the settings you "
                    "choose, such as your language, your region or a username you entered, and "
                    "make your use of the site more personal. The information they collect can be "
                    "made anonymous, in which case they cannot track your activity on the site. On "
                    "this site, the public pages choose their language by the page address and set "
                    "no cookie for it; a language cookie is set only when a language is chosen in "
                    "the admin area. This site’s functional cookie is deleted when you close your "
                    "browser. How to manage cookies is described in the section "
                    '“<a href="#managing-cookies-and-their-deletion">Managing cookies '
                    "and their deletion</a>” below.</p>",
                    "ru": "<p>Функциональные (сеансовые) файлы cookie позволяют сайту запоминать "
                    "выбранные вами настройки — например, язык, регион или введённое вами имя "
                    "пользователя — и делать работу с сайтом более персонализированной. Собираемые "
                    "ими сведения могут быть обезличены; в этом случае такие файлы cookie не могут "
                    "отслеживать ваши действия на сайте. На этом сайте язык общедоступных страниц "
                    "определяется их адресом, и файл cookie для этого не устанавливается; языковой "
                    "файл cookie устанавливается только при выборе языка в административном "
                    "разделе. Функциональный файл cookie этого сайта удаляется при закрытии "
                    "браузера. О том, как управлять файлами cookie, рассказано в разделе "
                    '«<a href="#управление-файлами-cookie-и-их-удаление">Управление файлами '
                    "cookie и их удаление</a>» ниже.</p>",
                },
                "lifetime": {"en": "Until you close your browser.", "ru": "До закрытия браузера."},
                "cookies": [
                    {
                        "name": "django_language",
                        "provider": {"en": "Django (this site)", "ru": "Django (этот сайт)"},
                        "purpose": {
                            "en": "Remembers a language chosen in the admin area. The public site "
                            "switches language by the page address and sets no cookie for it.",
                            "ru": "Запоминает язык, выбранный в административном разделе. "
                            "Общедоступная часть сайта переключает язык по адресу страницы и файл "
                            "cookie для этого не устанавливает.",
                        },
                        # Django's LANGUAGE_COOKIE_AGE: None, a session cookie
                        # (…/ref/settings/#language-cookie-age).
                        "duration": {
                            "en": "Until the browser is closed",
                            "ru": "До закрытия браузера",
                        },
                        "party": "first",
                    },
                ],
            },
        ),
        (
            "category",
            {
                "key": "analytics",
                "required": False,
                "title": {"en": "Analytical cookies", "ru": "Аналитические файлы cookie"},
                "summary": {
                    "en": "Let analytics services such as Google Analytics count visits and see "
                    "how the site is used, so that we can improve it.",
                    "ru": "Позволяют системам веб-аналитики, например Google Analytics, "
                    "подсчитывать посещения и видеть, как используется сайт, чтобы мы могли его "
                    "улучшать.",
                },
                "purpose": {
                    "en": "<p>Analytical (operating) cookies are set by analytics services such as "
                    "Google Analytics. They collect information about how visitors use the site: "
                    "for example, the number of visitors, the websites from which they came to our "
                    "site and the pages they viewed on it. We use this information to improve the "
                    "site. These cookies are set only with your consent, and they usually remain "
                    "on your device until they expire or you delete them. How to manage cookies is "
                    "described in the section "
                    '“<a href="#managing-cookies-and-their-deletion">Managing cookies and their '
                    "deletion</a>” below.</p>",
                    "ru": "<p>Аналитические (эксплуатационные) файлы cookie устанавливаются "
                    "системами веб-аналитики, например Google Analytics. Они собирают сведения о "
                    "том, как посетители пользуются сайтом: в частности, о количестве посетителей, "
                    "о сайтах, с которых они перешли на наш сайт, и о просмотренных ими страницах. "
                    "Мы используем эти сведения для улучшения сайта. Такие файлы cookie "
                    "устанавливаются только с вашего согласия и, как правило, хранятся на вашем "
                    "устройстве до истечения срока хранения или до тех пор, пока вы их не удалите. "
                    "О том, как управлять файлами cookie, рассказано в разделе "
                    '«<a href="#управление-файлами-cookie-и-их-удаление">Управление файлами '
                    "cookie и их удаление</a>» ниже.</p>",
                },
                "lifetime": {
                    "en": "Up to 2 years, unless you delete them sooner.",
                    "ru": "До 2 лет, если вы не удалите их раньше.",
                },
                "cookies": [
                    {
                        "name": "_ga",  # the demo sets it: static/cms/analytics-demo.js
                        "provider": {
                            "en": "Google (Google Analytics)",
                            "ru": "Google (Google Analytics)",
                        },
                        "purpose": {
                            "en": "Distinguishes visitors by a random identifier so that Google "
                            "Analytics can count visits and produce statistics on how the site is "
                            "used.",
                            "ru": "Различает посетителей по случайному идентификатору, чтобы "
                            "Google Analytics мог подсчитывать посещения и формировать статистику "
                            "использования сайта.",
                        },
                        # GA4 sets first-party cookies, _ga for 2 years: "[GA4] Cookie usage on
                        # websites", support.google.com/analytics/answer/11397207 (and
                        # developers.google.com/analytics/devguides/collection/ga4/cookie-usage).
                        "duration": {"en": "2 years", "ru": "2 года"},
                        "party": "first",
                    },
                    {
                        "name": "_ga_<container-id>",
                        "provider": {
                            "en": "Google (Google Analytics)",
                            "ru": "Google (Google Analytics)",
                        },
                        "purpose": {
                            "en": "Keeps the state of the current visit for Google Analytics 4.",
                            "ru": "Хранит состояние текущего посещения для Google Analytics 4.",
                        },
                        # Same source: _ga_<container-id>, first-party, 2 years.
                        "duration": {"en": "2 years", "ru": "2 года"},
                        "party": "first",
                        "status": "unconfirmed",
                    },
                ],
            },
        ),
        (
            "category",
            {
                "key": "advertising",
                "required": False,
                "title": {"en": "Advertising cookies", "ru": "Рекламные файлы cookie"},
                "summary": {
                    "en": "Help show advertising that matches your interests, limit how often you "
                    "see the same ad and measure how well ads work. This information may be "
                    "passed on to our advertising partners.",
                    "ru": "Помогают показывать рекламу, соответствующую вашим интересам, "
                    "ограничивать число показов одного объявления и оценивать эффективность "
                    "рекламы. Эти сведения могут передаваться нашим рекламным партнёрам.",
                },
                "purpose": {
                    "en": "<p>Advertising cookies collect information about the individual pages "
                    "of the site that visitors view, which may indicate, for example, your "
                    "interests or other characteristics. They are generally used to show "
                    "advertising and other marketing messages that best match your interests, to "
                    "limit how many times one visitor sees the same advertisement, and to measure "
                    "how effective advertising campaigns are. They also record whether you reached "
                    "the site through an advertising link. This information may be passed on to "
                    "third parties (our partners or counterparties), who may combine it with "
                    "information about how you use other websites, for example to identify the "
                    "common interests and behavior of groups of visitors to our site and other "
                    "websites. These cookies are set only with your consent and remain on your "
                    "device until they expire or you delete them. How to manage cookies is "
                    "described in the section "
                    '“<a href="#managing-cookies-and-their-deletion">Managing cookies and their '
                    "deletion</a>” below.</p>",
                    "ru": "<p>Рекламные файлы cookie собирают сведения об отдельных страницах "
                    "сайта, которые просматривают посетители; эти сведения могут указывать, "
                    "например, на ваши интересы или иные характеристики. Как правило, такие файлы "
                    "cookie используются для показа рекламы и других маркетинговых сообщений, в "
                    "наибольшей степени соответствующих вашим интересам, для ограничения числа "
                    "показов одного и того же объявления одному посетителю, а также для оценки "
                    "эффективности рекламных кампаний. Кроме того, они фиксируют, перешли ли вы на "
                    "сайт по рекламной ссылке. Эти сведения могут передаваться третьим лицам "
                    "(нашим партнёрам или контрагентам), которые могут объединять их со сведениями "
                    "о том, как вы пользуетесь другими сайтами, в том числе для выявления общих "
                    "интересов и поведения групп посетителей нашего и других сайтов. Такие файлы "
                    "cookie устанавливаются только с вашего согласия и хранятся на вашем "
                    "устройстве до истечения срока хранения или до тех пор, пока вы их не удалите. "
                    "О том, как управлять файлами cookie, рассказано в разделе "
                    '«<a href="#управление-файлами-cookie-и-их-удаление">Управление файлами '
                    "cookie и их удаление</a>» ниже.</p>",
                },
                "lifetime": {
                    "en": "Up to 2 years, unless you delete them sooner.",
                    "ru": "До 2 лет, если вы не удалите их раньше.",
                },
                "cookies": [
                    {
                        "name": "_gcl_au",
                        "provider": {
                            "en": "Google (Google Ads)",
                            "ru": "Google (Google Ads)",
                        },
                        "purpose": {
                            "en": "Used by Google’s conversion linker to link clicks on ads to "
                            "visits and actions on this site and to measure how effective the ads "
                            "are.",
                            "ru": "Используется функцией связывания конверсий Google, чтобы "
                            "сопоставлять переходы по рекламе с посещениями и действиями на этом "
                            "сайте и оценивать эффективность рекламы.",
                        },
                        # The conversion linker stores ad clicks in first-party cookies on the
                        # site's domain (support.google.com/tagmanager/answer/7549390); _gcl_au
                        # lasts 90 days (Google's advertising and measurement cookie reference,
                        # business.safety.google/adscookies).
                        "duration": {"en": "90 days", "ru": "90 дней"},
                        "party": "first",
                        "status": "unconfirmed",
                    },
                    {
                        "name": "IDE",
                        "provider": {"en": "Google (DoubleClick)", "ru": "Google (DoubleClick)"},
                        "purpose": {
                            "en": "Used by Google DoubleClick to show ads that match your "
                            "interests, limit how often the same ad is shown and measure how ads "
                            "perform.",
                            "ru": "Используется Google DoubleClick для показа рекламы, "
                            "соответствующей вашим интересам, ограничения числа показов одного и "
                            "того же объявления и оценки эффективности рекламы.",
                        },
                        # Stored under doubleclick.net; 13 months in the EEA, the UK and
                        # Switzerland, 24 months elsewhere ("How Google uses cookies",
                        # policies.google.com/technologies/cookies).
                        "duration": {
                            "en": "13 months in the EEA, the UK and Switzerland; 2 years elsewhere",
                            "ru": "13 месяцев в ЕЭЗ, Великобритании и Швейцарии; 2 года в других "
                            "странах",
                        },
                        "party": "third",
                        "status": "unconfirmed",
                    },
                    {
                        "name": "_fbp",
                        "provider": {"en": "Meta (Meta Pixel)", "ru": "Meta (пиксель Meta)"},
                        "purpose": {
                            "en": "Used by the Meta Pixel to recognize your browser, show ads on "
                            "Facebook and other services and measure how effective they are.",
                            "ru": "Используется пикселем Meta, чтобы распознавать ваш браузер, "
                            "показывать рекламу в Facebook и других сервисах и оценивать её "
                            "эффективность.",
                        },
                        # The Meta Pixel stores _fbp as a first-party cookie for 90 days ("About
                        # cookie settings for your Meta Pixel", facebook.com/business/help/
                        # 471978536642445, referred to by developers.facebook.com/docs/
                        # marketing-api/conversions-api/parameters/fbp-and-fbc/).
                        "duration": {"en": "90 days", "ru": "90 дней"},
                        "party": "first",
                        "status": "unconfirmed",
                    },
                ],
            },
        ),
        (
            "category",
            {
                "key": "other",
                "required": False,
                "title": {"en": "Other cookies", "ru": "Прочие файлы cookie"},
                "summary": {
                    "en": "Let content from YouTube, Facebook and Viber, such as embedded videos, "
                    "load on our pages. These services set their own cookies.",
                    "ru": "Позволяют загружать на наших страницах материалы YouTube, Facebook и "
                    "Viber, например встроенные видео. Эти сервисы устанавливают собственные "
                    "файлы cookie.",
                },
                "purpose": {
                    "en": "<p>Some pages of this site contain content from YouTube, Facebook and "
                    "Viber, such as embedded videos, posts or buttons for contacting us. These "
                    "services set their own third-party cookies, and we cannot control them. "
                    "Embedded content from these services loads only after you allow this "
                    "category; until then, a placeholder with a button to load the content is "
                    "shown in its place. The table below lists the main cookies that YouTube and "
                    "Facebook set. A link for contacting us through Viber opens its app or "
                    "website, where Rakuten Viber sets cookies under its own rules. Each service "
                    "describes the cookies it uses in the cookie policy on its own website.</p>",
                    "ru": "<p>На некоторых страницах сайта размещены материалы YouTube, Facebook и "
                    "Viber: например, встроенные видео, публикации или кнопки для связи с нами. "
                    "Эти сервисы устанавливают собственные сторонние файлы cookie, и мы не можем "
                    "на них влиять. Встроенные материалы таких сервисов загружаются только после "
                    "того, как вы разрешите эту категорию, а до этого вместо них показывается "
                    "заглушка с кнопкой загрузки. В таблице ниже перечислены основные файлы "
                    "cookie, которые устанавливают YouTube и Facebook. Ссылка для связи с нами "
                    "через Viber открывает приложение или сайт этого сервиса, где Rakuten Viber "
                    "устанавливает файлы cookie по собственным правилам. Каждый сервис описывает "
                    "используемые им файлы cookie в своей политике на собственном сайте.</p>",
                },
                "lifetime": {
                    "en": "Set by each service; for the cookies listed, from the end of your visit "
                    "up to 6 months.",
                    "ru": "Определяется каждым сервисом; для указанных в таблице файлов cookie — "
                    "от окончания посещения до 6 месяцев.",
                },
                "cookies": [
                    {
                        "name": "YSC",
                        "provider": {"en": "Google (YouTube)", "ru": "Google (YouTube)"},
                        "purpose": {
                            "en": "Set by YouTube when you play an embedded video (before that, "
                            "YouTube’s privacy-enhanced mode stores nothing); links the requests "
                            "of one browsing session, for example to count views and prevent "
                            "abuse.",
                            "ru": "Устанавливается YouTube, когда вы запускаете встроенное видео "
                            "(до этого режим повышенной конфиденциальности YouTube ничего не "
                            "сохраняет); связывает запросы в рамках одного сеанса, например для "
                            "подсчёта просмотров и защиты от злоупотреблений.",
                        },
                        # The embed is youtube-nocookie.com (cookie_policy/embeds.py): "privacy-
                        # enhanced mode" stores nothing until the video plays
                        # (support.google.com/youtube/answer/171780). YSC lasts for the browsing
                        # session ("How Google uses cookies", policies.google.com/technologies/
                        # cookies).
                        "duration": {
                            "en": "Until the browser is closed",
                            "ru": "До закрытия браузера",
                        },
                        "party": "third",
                        "status": "unconfirmed",
                    },
                    {
                        "name": "VISITOR_INFO1_LIVE",
                        "provider": {"en": "Google (YouTube)", "ru": "Google (YouTube)"},
                        "purpose": {
                            "en": "Set by YouTube when you play an embedded video; estimates your "
                            "connection speed for video playback and remembers player settings.",
                            "ru": "Устанавливается YouTube, когда вы запускаете встроенное видео; "
                            "оценивает скорость вашего подключения для воспроизведения видео и "
                            "запоминает настройки проигрывателя.",
                        },
                        # 6 months ("How Google uses cookies", policies.google.com/technologies/
                        # cookies).
                        "duration": {"en": "6 months", "ru": "6 месяцев"},
                        "party": "third",
                        "status": "unconfirmed",
                    },
                    {
                        "name": "fr",
                        "provider": {"en": "Meta (Facebook)", "ru": "Meta (Facebook)"},
                        "purpose": {
                            "en": "Set by Facebook when its content loads on our pages; used to "
                            "show ads, measure them and make them more relevant to you.",
                            "ru": "Устанавливается Facebook при загрузке его материалов на наших "
                            "страницах; используется для показа рекламы, оценки её эффективности и "
                            "более точного соответствия рекламы вашим интересам.",
                        },
                        # Stored under facebook.com for 90 days (Meta's Cookies Policy,
                        # facebook.com/privacy/policies/cookies).
                        "duration": {"en": "90 days", "ru": "90 дней"},
                        "party": "third",
                        "status": "unconfirmed",
                    },
                ],
            },
        ),
        (
            "heading",
            {
                "en": "Managing cookies and their deletion",
                "ru": "Управление файлами cookie и их удаление",
            },
        ),
        (
            "text",
            {
                "en": "<p>You decide which cookies this site may use, and you can change your "
                "decision at any time.</p><h3>On this site</h3><ul><li>On your first visit, a "
                "banner asks for your choice. Until you choose, only strictly necessary cookies "
                "are used. Simply continuing to browse does not count as consent.</li><li>The "
                "“Cookie settings” link at the bottom of every page reopens the settings, where "
                "you can switch each category on or off and then select “Save "
                "choices”.</li><li>Withdrawing consent is as easy as giving it: switch a category "
                "off or select “Reject all”. When you withdraw consent for a category, this site "
                "deletes its own cookies of that category from your browser. Cookies set by other "
                "services (third-party cookies) can be deleted only by those services or by you in "
                "your browser settings, as described below.</li><li>If your browser sends a Global "
                "Privacy Control signal, we treat it as refusing advertising cookies unless you "
                "switch them on in the cookie settings.</li></ul><h3>In your browser</h3><p>All "
                "common browsers let you view, block and delete cookies. The names of menu items "
                "may differ slightly between browser versions.</p><ul><li><b>Google Chrome</b>: "
                "open the menu (three dots) → Settings → Privacy and security. “Third-party "
                "cookies” lets you block cookies from other sites; “Delete browsing data” with "
                "“Cookies and other site data” selected deletes stored cookies.</li><li><b>Mozilla "
                "Firefox</b>: open the menu (three lines) → Settings → Privacy &amp; Security. "
                "Under “Cookies and Site Data”, “Clear Data…” deletes cookies and “Manage Data…” "
                "deletes them for individual sites; Enhanced Tracking Protection blocks tracking "
                "cookies.</li><li><b>Safari</b> on a Mac: Safari → Settings (Preferences in older "
                "versions) → Privacy. “Manage Website Data…” lets you delete cookies, and “Block "
                "all cookies” blocks them.</li><li><b>Microsoft Edge</b>: open the menu (three "
                "dots) → Settings → Privacy, search, and services → “Clear browsing data” deletes "
                "cookies. Under Settings → Cookies and site permissions → “Manage and delete "
                "cookies and site data” you can block cookies, including third-party "
                "cookies.</li><li><b>Mobile browsers</b>: in Chrome for Android and iOS, open the "
                "menu → Settings → Privacy and security → “Delete browsing data”. On an iPhone or "
                "iPad, open the Settings app → Safari (Apps → Safari in newer versions of iOS) → "
                "“Clear History and Website Data”; under Advanced → Website Data you can delete "
                "cookies for individual sites, and the same settings let you block all cookies. "
                "Other mobile browsers offer similar options in their privacy "
                "settings.</li></ul><p>Please note: if you block or delete strictly necessary "
                "cookies, parts of the site may stop working. For example, editors cannot sign in "
                "to the admin area, and the site cannot remember your cookie choices, so the "
                "banner will appear again.</p>",
                "ru": "<p>Вы сами решаете, какие файлы cookie может использовать этот сайт, и "
                "можете в любой момент изменить своё решение.</p><h3>На этом сайте</h3><ul><li>При "
                "первом посещении сайта баннер предлагает вам сделать выбор. Пока вы его не "
                "сделали, используются только строго необходимые файлы cookie. Продолжение "
                "просмотра сайта согласием не считается.</li><li>Ссылка «Настройки файлов cookie» "
                "внизу каждой страницы снова открывает настройки: в них можно включить или "
                "отключить каждую категорию и затем нажать «Сохранить выбор».</li><li>Отозвать "
                "согласие так же просто, как и дать его: отключите категорию или нажмите "
                "«Отклонить все». Когда вы отзываете согласие в отношении какой-либо категории, "
                "сайт удаляет из вашего браузера собственные файлы cookie этой категории. Файлы "
                "cookie других сервисов (сторонние файлы cookie) могут удалить только сами эти "
                "сервисы либо вы в настройках браузера, как описано ниже.</li><li>Если ваш браузер "
                "передаёт сигнал Global Privacy Control, мы расцениваем его как отказ от рекламных "
                "файлов cookie, пока вы сами не включите их в настройках файлов "
                "cookie.</li></ul><h3>В браузере</h3><p>Все распространённые браузеры позволяют "
                "просматривать, блокировать и удалять файлы cookie. Названия пунктов меню в разных "
                "версиях браузеров могут немного отличаться.</p><ul><li><b>Google Chrome</b>: "
                "откройте меню (три точки) → «Настройки» → «Конфиденциальность и безопасность». В "
                "разделе «Сторонние файлы cookie» можно заблокировать файлы cookie других сайтов, "
                "а удаление данных о работе в браузере с отмеченным пунктом «Файлы cookie и другие "
                "данные сайтов» стирает сохранённые файлы cookie.</li><li><b>Mozilla Firefox</b>: "
                "откройте меню (три полоски) → «Настройки» → «Приватность и защита». В разделе о "
                "данных сайтов кнопка «Удалить данные…» удаляет файлы cookie, а кнопка "
                "«Управление данными…» позволяет удалить их для отдельных сайтов; улучшенная защита от "
                "отслеживания блокирует отслеживающие файлы cookie.</li><li><b>Safari</b> на Mac: "
                "меню «Safari» → «Настройки» (в старых версиях — «Параметры») → "
                "«Конфиденциальность». Кнопка «Управлять данными веб-сайтов…» позволяет удалить "
                "файлы cookie, а параметр блокировки всех файлов cookie — заблокировать "
                "их.</li><li><b>Microsoft Edge</b>: откройте меню (три точки) → «Параметры» → "
                "«Конфиденциальность, поиск и службы» и удалите данные о просмотре веб-страниц, "
                "отметив файлы cookie. В разделе «Параметры» → «Файлы cookie и разрешения сайтов» "
                "можно управлять файлами cookie и данными сайтов, удалять их и блокировать файлы "
                "cookie, в том числе сторонние.</li><li><b>Мобильные браузеры</b>: в Chrome для "
                "Android и iOS откройте меню → «Настройки» → «Конфиденциальность и безопасность» и "
                "удалите данные о работе в браузере. На iPhone или iPad откройте приложение "
                "«Настройки» → «Safari» (в новых версиях iOS — «Приложения» → «Safari») и выберите "
                "«Очистить историю и данные»; в разделе «Дополнения» → «Данные сайтов» можно "
                "удалить файлы cookie отдельных сайтов, а в тех же настройках — заблокировать все "
                "файлы cookie. Другие мобильные браузеры предлагают аналогичные возможности в "
                "настройках конфиденциальности.</li></ul><p>Обратите внимание: если заблокировать "
                "или удалить строго необходимые файлы cookie, часть функций сайта может перестать "
                "работать. Например, редакторы не смогут войти в административный раздел, а сайт "
                "не сможет запомнить ваш выбор в отношении файлов cookie, поэтому баннер будет "
                "появляться снова.</p>",
            },
        ),
        ("heading", {"en": "Legal basis", "ru": "Правовые основания"}),
        (
            "text",
            {
                "en": "<p>SOFTPRO+ is a private enterprise registered in the Republic of Belarus "
                "and the operator of the personal data this site collects through cookies; its "
                "details are given under “Who we are” at the top of this policy.</p><ul>"
                "<li><b>Belarus.</b> Law of the Republic of Belarus No. 99-Z of 7 May 2021 “On "
                "Personal Data Protection”. Cookies other than strictly necessary ones are used "
                "only with your consent, which you give or refuse in the banner. Before you "
                "decide, the banner links to who we are, what we collect, why, for how long and "
                "who receives it (Article 5).</li><li><b>Russia.</b> Federal Law No. 152-FZ of "
                "27 July 2006 “On Personal Data”. Since 1 September 2025 consent to the "
                "processing of personal data is a document of its own (Article 9, as amended by "
                "Federal Law No. 156-FZ of 24 June 2025): the banner links to our Consent to "
                "personal data processing, and our personal data processing policy is linked "
                "under “Who we are”.</li><li><b>European Union.</b> Regulation (EU) 2016/679 "
                "(GDPR) and the ePrivacy Directive 2002/58/EC. Storing or reading cookies that "
                "are not strictly necessary requires your consent (ePrivacy Directive Article "
                "5(3), GDPR Article 6(1)(a)). Strictly necessary cookies need no consent: without "
                "them the site cannot provide the service you ask for.</li></ul><p>You can "
                "withdraw your consent at any time, as easily as you gave it, through “Cookie "
                "settings” at the bottom of every page; withdrawal does not affect processing "
                "carried out before it. To exercise your other rights, write to the e-mail "
                "address under “Who we are”.</p>",
                "ru": "<p>SOFTPRO+\u00a0— частное предприятие, зарегистрированное в Республике "
                "Беларусь, и оператор персональных данных, которые этот сайт собирает с помощью "
                "файлов cookie; его реквизиты указаны в разделе «Кто мы» в начале настоящей "
                "Политики.</p><ul><li><b>Беларусь.</b> Закон Республики Беларусь от 7\u00a0мая "
                "2021\u00a0г. №\u00a099-З «О защите персональных данных». Файлы cookie, кроме "
                "строго необходимых, используются только с вашего согласия, которое вы даёте или "
                "не даёте в баннере. До того как вы примете решение, баннер ведёт к сведениям о "
                "том, кто мы, что мы собираем, зачем, как долго и кто это получает (статья "
                "5).</li><li><b>Россия.</b> Федеральный закон от 27\u00a0июля 2006\u00a0г. "
                "№\u00a0152-ФЗ «О персональных данных». С 1\u00a0сентября 2025\u00a0г. согласие "
                "на обработку персональных данных оформляется отдельным документом (статья 9 в "
                "редакции Федерального закона от 24\u00a0июня 2025\u00a0г. №\u00a0156-ФЗ): "
                "баннер ведёт к нашему Согласию на обработку персональных данных, а ссылка на "
                "нашу политику в отношении обработки персональных данных приведена в разделе "
                "«Кто мы».</li><li><b>Европейский союз.</b> Регламент (ЕС) 2016/679 (GDPR) и "
                "Директива 2002/58/ЕС об электронной конфиденциальности. Для записи и чтения "
                "файлов cookie, не являющихся строго необходимыми, требуется ваше согласие "
                "(статья\u00a05(3) Директивы, статья\u00a06(1)(a) GDPR). Для строго "
                "необходимых файлов cookie согласие не требуется: без них сайт не может оказать "
                "услугу, которую вы запрашиваете.</li></ul><p>Вы можете в любой момент отозвать "
                "согласие так же просто, как дали его, по ссылке «Настройки файлов cookie» внизу "
                "каждой страницы; отзыв согласия не влияет на обработку, осуществлённую до него. "
                "Чтобы воспользоваться другими своими правами, напишите нам по адресу "
                "электронной почты, указанному в разделе «Кто мы».</p>",
            },
        ),
        (
            "heading",
            {
                "en": "Changes to this policy and contact",
                "ru": "Изменения настоящей Политики и обратная связь",
            },
        ),
        (
            "text",
            {
                "en": "<p>If we change which cookies we use or how we use them, we will update "
                "this policy on this page. If a change affects what we collect, we will ask for "
                "your consent again. If you have any questions about this policy or about how "
                "we use cookies, please write to SOFTPRO at the e-mail address given under “Who "
                "we are” at the top of this policy.</p>",
                "ru": "<p>Если мы изменим состав используемых файлов cookie или порядок их "
                "использования, мы обновим настоящую Политику на этой странице. Если изменения "
                "затронут состав собираемых сведений, мы снова запросим ваше согласие. Если у вас "
                "есть вопросы о настоящей Политике или о том, как мы используем файлы cookie, "
                "напишите нам по адресу электронной почты, указанному в разделе «Кто мы» в "
                "начале настоящей Политики.</p>",
            },
        ),
    ],
}

BANNER = {
    "title": {"en": "Cookies on this site", "ru": "Файлы cookie на этом сайте"},
    "message": {
        "en": "<p>Besides the cookies this site needs to work, we use others only with your "
        "consent. Continuing to browse is not consent. You can change your choice at any time "
        "in “Cookie settings” at the bottom of every page.</p>",
        "ru": "<p>Помимо файлов cookie, без которых сайт не работает, мы используем другие "
        "только с вашего согласия. Продолжение просмотра сайта согласием не считается. Изменить "
        "свой выбор можно в любой момент по ссылке «Настройки файлов cookie» внизу каждой "
        "страницы.</p>",
    },
    "accept_label": {"en": "Accept all", "ru": "Принять все"},
    "reject_label": {"en": "Reject all", "ru": "Отклонить все"},
    "settings_label": {"en": "Settings", "ru": "Настройки"},
    "save_label": {"en": "Save choices", "ru": "Сохранить выбор"},
    "settings_title": {"en": "Cookie settings", "ru": "Настройки файлов cookie"},
    "settings_intro": {
        "en": "<p>Use the switches to choose which categories of cookies this site may use, then "
        "select “Save choices”. Strictly necessary cookies keep the site working and cannot be "
        "switched off. Every other category stays off until you switch it on. If your browser "
        "sends a Global Privacy Control signal, we treat it as refusing advertising cookies unless "
        "you switch them on here. You can come back to these settings at any time through “Cookie "
        "settings” at the bottom of every page.</p>",
        "ru": "<p>С помощью переключателей выберите, какие категории файлов cookie может "
        "использовать этот сайт, и нажмите «Сохранить выбор». Строго необходимые файлы cookie "
        "обеспечивают работу сайта, и отключить их нельзя. Все остальные категории остаются "
        "отключёнными, пока вы их не включите. Если ваш браузер передаёт сигнал Global Privacy "
        "Control, мы расцениваем его как отказ от рекламных файлов cookie, пока вы не включите их "
        "здесь. Вернуться к этим настройкам можно в любой момент по ссылке «Настройки файлов "
        "cookie» внизу каждой страницы.</p>",
    },
}

# The operator block of the demo site (Settings → Operator and law). SOFTPRO+'s name is known;
# every other value is a PLACEHOLDER that `manage.py check --deploy` flags until replaced.
OPERATOR = {
    "legal_name": {"en": "Private enterprise SOFTPRO+", "ru": "Частное предприятие SOFTPRO+"},
    "address": {
        "en": "PLACEHOLDER: street and building, 220000 Minsk, Republic of Belarus",
        "ru": "PLACEHOLDER: улица и дом, 220000, г.\u00a0Минск, Республика Беларусь",
    },
    "processing_policy_url": {
        "en": "https://softpro.example/en/PLACEHOLDER-personal-data-processing-policy/",
        "ru": "https://softpro.example/ru/PLACEHOLDER-personal-data-processing-policy/",
    },
    "data_protection_officer": {"en": "", "ru": ""},
    "registration_number": "PLACEHOLDER-UNP",
    "email": "placeholder@softpro.example",
    # SOFTPRO+ is Belarusian, with Russian-speaking and EU visitors.
    "law_profiles": ["by_99z", "ru_152fz", "gdpr"],
}

# The consent to personal data processing that Russia's 152-FZ (Article 9) wants as a document
# of its own; the banner links to it. The Russian text is the document, the English one a
# translation for information. The page shows the operator block above this text.
CONSENT_DOCUMENT = {
    "slug": "personal-data-consent",
    "title": {
        "en": "Consent to personal data processing (translation)",
        "ru": "Согласие на обработку персональных данных",
    },
    "body": {
        "en": "<p><i>This English text is a translation for information only; the consent is "
        "the Russian text.</i></p><p>By selecting “Accept all”, or by saving my choice with one "
        "or more categories switched on in the cookie settings of the SOFTPRO website, I freely, "
        "of my own will and in my own interest consent to the operator named above processing "
        "my personal data on the following terms.</p><h2>Purposes</h2><p>Only those of the "
        "categories of cookies I have allowed: the site's optional functions, measuring visits "
        "to the site, advertising, and playing content embedded from other services.</p>"
        "<h2>Personal data</h2><p>The identifiers stored in the cookies of the categories I "
        "have allowed, as listed in the cookie policy, and what is collected with them: the "
        "addresses of the pages viewed, the time of the visit, and the type of browser and "
        "device.</p><h2>Actions</h2><p>Collection, recording, storage, use, transfer to the "
        "providers named in the cookie policy, and erasure, by automated means.</p><h2>Period "
        "and withdrawal</h2><p>This consent lasts until I withdraw it, and no longer than the "
        "site keeps my choice (182 days), after which the site asks me again. I can withdraw it "
        "at any time through “Cookie settings” at the bottom of every page, or by writing to the "
        "operator's e-mail address above.</p>",
        "ru": "<p>Нажимая «Принять все» или сохраняя выбор с одной или несколькими включёнными "
        "категориями в настройках файлов cookie сайта SOFTPRO, я свободно, своей волей и в "
        "своём интересе даю согласие указанному выше оператору на обработку моих персональных "
        "данных на следующих условиях.</p><h2>Цели обработки</h2><p>Только цели тех категорий "
        "файлов cookie, которые я разрешил: дополнительные функции сайта, анализ посещаемости "
        "сайта, реклама и воспроизведение содержимого, встроенного из других "
        "сервисов.</p><h2>Перечень персональных данных</h2><p>Идентификаторы, записанные в "
        "файлах cookie разрешённых мной категорий (перечислены в Политике использования файлов "
        "cookie), и сведения, собираемые с их помощью: адреса просмотренных страниц, время "
        "посещения, тип браузера и устройства.</p><h2>Действия с персональными "
        "данными</h2><p>Сбор, запись, хранение, использование, передача (предоставление) "
        "поставщикам, указанным в Политике использования файлов cookie, и удаление с "
        "использованием средств автоматизации.</p><h2>Срок действия и отзыв "
        "согласия</h2><p>Согласие действует до его отзыва, но не дольше срока, в течение "
        "которого сайт хранит мой выбор (182\u00a0дня), после чего сайт снова спросит меня. "
        "Отозвать согласие можно в любой момент по ссылке «Настройки файлов cookie» внизу "
        "каждой страницы или письмом на адрес электронной почты оператора, указанный "
        "выше.</p>",
    },
}
