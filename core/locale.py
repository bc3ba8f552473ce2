from django.conf import settings
from django.utils import translation


class FrenchFirstLocaleMiddleware:
    """French unless the user chose another language with the switch (cookie).

    The browser's Accept-Language is deliberately ignored: the Region's portal
    speaks French first, and English is an explicit choice.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Scoped to this request: the next one, on the same thread, starts from French again.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
