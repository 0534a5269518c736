"""Producer 2 and independent reader for the fuzz suite: openpyxl (what Python export scripts write).

usage: python3 openpyxl_tool.py <command> <jobs.json>
  write   jobs = [{"spec": BookSpec, "out": path}]    writes each workbook; prints {"errors": {out: message}}
  dump    jobs = [path, ...]                           prints {path: {sheet: {addr: [data_type, value, ]}}}
  zip64   jobs = [{"src": path, "out": path}]          re-zips with ZIP64 records on every entry
  encode  jobs = [{"text": str, "encoding": name, "out": path}]  writes text in that encoding
Batched because Python's start-up and openpyxl's import cost more than a small workbook.
"""
import datetime
import json
import sys
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table, TableStyleInfo


def write(spec, out):
    wb = Workbook()
    wb.remove(wb.active)
    if spec.get("date1904"):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb.epoch = CALENDAR_MAC_1904
    for s in spec["sheets"]:
        ws = wb.create_sheet(s["name"])
        ws.sheet_state = s["state"]
        for c in s["cells"]:
            cell = ws[c["a"]]
            k = c["k"]
            if k in ("s", "n", "b", "e"):
                cell.value = c["v"]
            elif k == "d":
                cell.value = datetime.datetime.strptime(c["v"], "%Y-%m-%d")
            elif k == "rich":  # openpyxl 3.0 writes no rich text: the plain text, bold as the cell's font
                cell.value = "".join(r["text"] for r in c["rich"])
                cell.font = Font(bold=True)
            elif k == "link":
                cell.value = c["v"]
                cell.hyperlink = c["link"]
            elif k == "f":  # no cached result: openpyxl never stores one
                cell.value = "=" + c["f"]
            if c.get("numFmt"):
                cell.number_format = c["numFmt"]
            if c.get("note"):
                cell.comment = Comment(c["note"], "张三")
        for m in s["merges"]:
            ws.merge_cells(m)
        for r in s["hiddenRows"]:
            ws.row_dimensions[r].hidden = True
        for col in s["hiddenCols"]:
            from openpyxl.utils import get_column_letter
            ws.column_dimensions[get_column_letter(col)].hidden = True
        t = s.get("table")
        if t:
            table = Table(displayName=t["name"], ref=t["ref"])
            table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
            ws.add_table(table)
    wb.save(out)


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, datetime.timedelta):
        return v.total_seconds()
    return v


def dump(path):
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells[cell.coordinate] = [cell.data_type, plain(cell.value) if not hasattr(cell.value, "text") else str(cell.value)]
        out[ws.title] = cells
    return out


def zip64(src, out):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(zi, "w", force_zip64=True) as f:
                f.write(data)


def main():
    command, jobs_file = sys.argv[1], sys.argv[2]
    with open(jobs_file, encoding="utf-8") as f:
        jobs = json.load(f)
    result = {}
    for job in jobs:
        key = job if isinstance(job, str) else job.get("out")
        try:
            if command == "write":
                write(job["spec"], job["out"])
            elif command == "dump":
                result[job] = dump(job)
            elif command == "zip64":
                zip64(job["src"], job["out"])
            elif command == "encode":
                with open(job["out"], "wb") as f:
                    f.write(job["text"].encode(job["encoding"]))
            else:
                raise SystemExit("unknown command " + command)
        except Exception as e:  # one bad job must not lose the others
            result.setdefault("errors", {})[key] = "%s: %s" % (type(e).__name__, e)
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


main()
