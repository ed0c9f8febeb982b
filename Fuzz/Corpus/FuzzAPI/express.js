const app = express();
const r = express.Router();
r.get('/:id', show);
r.route('/x').get(a).post(b);
app.use('/users', r);
