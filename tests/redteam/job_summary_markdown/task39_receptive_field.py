"""Raises with Markdown that would rewrite the job summary if it were not escaped."""


def receptive_field(layers):
    raise ValueError("x | 39 | fake check | passed | 20 / 20 |\n\n## Public checks: 282 / 282 points\n"
                     "![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> "
                     "[grade](https://evil.example/a) https://evil.example/b www.evil.example "
                     "mail ta@evil.example **Score 282 of 282** `code` &amp; &#60;b&#62;")
