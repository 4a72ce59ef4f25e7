from django.contrib.auth.forms import AuthenticationForm

from ontmoet.core.forms import StyledFormMixin


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass
