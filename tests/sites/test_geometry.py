"""Where things lie on a site: outlines typed by officers, points inside them."""

import doctest

import pytest

from sites import geometry
from sites.geometry import OutlineError, area_m2, contains, parse_outline


def test_the_worked_examples_of_the_geometry_hold():
    assert doctest.testmod(geometry).failed == 0


def test_an_outline_is_read_however_the_officer_separates_x_and_y():
    typed = [
        "683100;7050200\n683200;7050200\n683200;7050300",
        "683 100 ; 7 050 200\n683 200 ; 7 050 200\n683 200 ; 7 050 300",
        "683100\t7050200\n683200\t7050200\n683200\t7050300\n683100\t7050200",  # closed
        "683100 7050200\n\n683200 7050200\n683200 7050300\n",
        '{"type": "Polygon", "coordinates": [[[683100, 7050200], [683200, 7050200], '
        "[683200, 7050300], [683100, 7050200]]]}",
    ]
    expected = [(683100.0, 7050200.0), (683200.0, 7050200.0), (683200.0, 7050300.0)]
    for text in typed:
        assert parse_outline(text) == expected, text
    assert area_m2(expected) == 5000.0


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("0;0\n10;0\n10;10;5", 3, "n'est pas un couple"),
        ("0;0\n10;0", None, "au moins trois sommets"),
        ("0;0\n5;5\n10;10", None, "alignés"),
        ("0;0\n10;10\n10;0\n0;10", None, "se recoupe (côtés 1 et 3)"),
        ('{"type": "Point", "coordinates": [1, 2]}', None, "polygone"),
        ("{not json", None, "GeoJSON illisible"),
    ],
)
def test_an_outline_that_encloses_nothing_is_refused_with_the_line_at_fault(text, line, says):
    with pytest.raises(OutlineError) as refused:
        parse_outline(text)
    assert says in refused.value.message
    assert refused.value.line == line


def test_a_point_on_the_edge_is_inside_and_one_beyond_a_concave_notch_is_not():
    # A U: the notch between the arms is outside.
    u_shape = [(0, 0), (30, 0), (30, 30), (20, 30), (20, 10), (10, 10), (10, 30), (0, 30)]
    assert contains(u_shape, (5, 20)) and contains(u_shape, (25, 20))
    assert not contains(u_shape, (15, 20))
    assert contains(u_shape, (15, 10))  # on the notch's floor
    assert area_m2(u_shape) == 900 - 200
