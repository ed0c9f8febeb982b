import subprocess
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse, RedirectResponse
from pydantic import BaseModel

app = FastAPI()
EXPORTS = Path("/srv/exports")


class ItemIn(BaseModel):
    name: str
    price: float


@app.get("/export")
def export(name: str = Query(...)):
    return FileResponse(EXPORTS / name)  # expect: input-validation/path-traversal-python


@app.get("/export-safe")
def export_safe(name: str = Query(...)):
    safe = Path(name).name
    return FileResponse(EXPORTS / safe)


@app.get("/go")
def go(url: str = Query(...)):
    return RedirectResponse(url)  # expect: input-validation/open-redirect-python


@app.get("/lookup")
def lookup(domain: str = Query(...)):
    result = subprocess.run(f"whois {domain}", shell=True, capture_output=True)  # expect: input-validation/command-injection-python
    return {"whois": result.stdout.decode()}


@app.get("/lookup-safe")
def lookup_safe(domain: str = Query(...)):
    result = subprocess.run(["whois", domain], capture_output=True)
    return {"whois": result.stdout.decode()}


@app.post("/items")
def create_item(item: ItemIn):
    return {"name": item.name, "price": item.price}


@app.get("/search")
def search(q: Optional[str] = Query(None)):
    return {"q": q}
