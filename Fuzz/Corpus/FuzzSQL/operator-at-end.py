def purge(cursor, clause):
    cursor.execute("DELETE FROM reaction WHERE memo_id IN " + clause)
    cursor.execute("SELECT id FROM memo WHERE creator_id =")
