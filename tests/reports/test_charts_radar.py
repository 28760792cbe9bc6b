"""The PDF radar does not draw a dimension without data as a zero at the centre (issue 18, item 11)."""

from reportlab.graphics.shapes import Circle, Polygon

from desktop.reports.charts import radar_chart


def shapes(drawing, kind):
    return [s for s in drawing.contents if isinstance(s, kind)]


def test_missing_scores_are_left_out_of_the_shape():
    drawing = radar_chart(["A", "B", "C", "D", "E"], [80, None, 40, None, 60], size=200)
    filled = [p for p in shapes(drawing, Polygon) if p.fillColor is not None]
    assert len(filled) == 1 and len(filled[0].points) == 2 * 3  # three scored corners
    centre = (100, 100)
    markers = shapes(drawing, Circle)
    assert len(markers) == 3
    assert all((round(c.cx), round(c.cy)) != centre for c in markers)
