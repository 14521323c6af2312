"""The results template: one spreadsheet (.xlsx) per language, a sheet per module, in which a trainer
enters each participant's pre- and post-test scores and the formulas compute each participant's
gain and the group's. Written with openpyxl; the spreadsheet computes, nothing is stored as a value.

Per participant: gain = post − pre, and the normalised gain (post − pre) / (questions − pre),
the share of what was left to learn that was learnt. For the group (participants with both
scores): their number, the mean pre- and post-test scores, the mean gain, and the group's
normalised gain from the means.
"""
from __future__ import annotations

import io

from .questions import Bank

ROWS = 40  # participants per module sheet
FIRST = 6  # first participant row


def workbook(banks: list[Bank], words: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from .prepost import split

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="EEF3F7")
    last = FIRST + ROWS - 1
    for bank in sorted(banks, key=lambda b: b.module):
        ws = wb.create_sheet(words["kc_category"].format(n=bank.module))
        ws["A1"] = words["kit_results_title"].format(n=bank.module)
        ws["A1"].font = Font(bold=True, size=14)
        ws["A2"] = words["kit_results_questions"]
        ws["B2"] = len(split(bank)["A"])
        ws["B2"].font = bold
        ws["A3"] = words["kit_results_help"]
        ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells("A3:G3")
        ws.row_dimensions[3].height = 45
        headers = [words[k] for k in ("kit_results_participant", "kit_results_pre_form", "kit_results_pre", "kit_results_post_form",
                                      "kit_results_post", "kit_results_gain", "kit_results_normalised")]
        for col, text in enumerate(headers, 1):
            cell = ws.cell(row=FIRST - 1, column=col, value=text)
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r in range(FIRST, last + 1):
            ws[f"F{r}"] = f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(E{r})),E{r}-C{r},"")'
            ws[f"G{r}"] = f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(E{r}),$B$2>C{r}),(E{r}-C{r})/($B$2-C{r}),"")'
            ws[f"G{r}"].number_format = "0%"
        g = last + 2
        rows = [("kit_results_group_n", f"=COUNT(F{FIRST}:F{last})", "0"),
                ("kit_results_group_pre", f'=IF(B{g}>0,SUMPRODUCT(--ISNUMBER(F{FIRST}:F{last}),C{FIRST}:C{last})/B{g},"")', "0.0"),
                ("kit_results_group_post", f'=IF(B{g}>0,SUMPRODUCT(--ISNUMBER(F{FIRST}:F{last}),E{FIRST}:E{last})/B{g},"")', "0.0"),
                ("kit_results_group_gain", f'=IF(B{g}>0,SUM(F{FIRST}:F{last})/B{g},"")', "0.0"),
                ("kit_results_group_normalised", f'=IF(AND(B{g}>0,$B$2>B{g + 1}),(B{g + 2}-B{g + 1})/($B$2-B{g + 1}),"")', "0%")]
        for i, (key, formula, fmt) in enumerate(rows):
            ws[f"A{g + i}"] = words[key]
            ws[f"A{g + i}"].font = bold
            ws[f"B{g + i}"] = formula
            ws[f"B{g + i}"].number_format = fmt
            ws[f"B{g + i}"].font = bold
        scores = DataValidation(type="whole", operator="between", formula1="0", formula2="$B$2", allow_blank=True,
                                error=words["kit_results_score_error"], showErrorMessage=True)
        forms = DataValidation(type="list", formula1='"A,B"', allow_blank=True)
        ws.add_data_validation(scores)
        ws.add_data_validation(forms)
        scores.add(f"C{FIRST}:C{last}")
        scores.add(f"E{FIRST}:E{last}")
        forms.add(f"B{FIRST}:B{last}")
        forms.add(f"D{FIRST}:D{last}")
        for col, width in zip("ABCDEFG", (34, 12, 12, 12, 12, 12, 14)):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = f"B{FIRST}"
    wb.calculation.fullCalcOnLoad = True  # the spreadsheet computes every formula when it opens the file
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
