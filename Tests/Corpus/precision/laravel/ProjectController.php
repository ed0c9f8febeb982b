<?php

namespace App\Http\Controllers;

use App\Models\Project;
use App\Services\ReportExporter;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Storage;
use Symfony\Component\HttpFoundation\StreamedResponse;

class ProjectController extends Controller
{
    private const SORTABLE = ['name' => 'name', 'created' => 'created_at', 'due' => 'due_on'];

    public function __construct(private readonly ReportExporter $exporter)
    {
    }

    public function index(Request $request): JsonResponse
    {
        $validated = $request->validate([
            'q' => ['nullable', 'string', 'max:64'],
            'sort' => ['nullable', 'in:name,created,due'],
            'per_page' => ['nullable', 'integer', 'between:1,100'],
        ]);

        $query = Project::query()
            ->select(['id', 'name', 'status', 'due_on', 'owner_id', 'created_at'])
            ->with(['owner:id,name', 'tags:id,label'])
            ->withCount('tasks')
            ->where('team_id', $request->user()->team_id);

        if (! empty($validated['q'])) {
            $escaped = addcslashes($validated['q'], '%_\\');
            $query->where('name', 'like', $escaped . '%');
        }

        $query->orderBy(self::SORTABLE[$validated['sort'] ?? 'created'], 'desc');

        return response()->json($query->paginate($validated['per_page'] ?? 25));
    }

    public function overdue(Request $request): JsonResponse
    {
        $rows = DB::select(
            'SELECT p.id, p.name, COUNT(t.id) AS open_tasks
               FROM projects p
               JOIN tasks t ON t.project_id = p.id AND t.completed_at IS NULL
              WHERE p.team_id = :team AND p.due_on < :today
              GROUP BY p.id, p.name
              ORDER BY open_tasks DESC',
            ['team' => $request->user()->team_id, 'today' => now()->toDateString()]
        );

        return response()->json(['projects' => $rows]);
    }

    public function archive(Request $request): JsonResponse
    {
        $validated = $request->validate([
            'ids' => ['required', 'array', 'max:50'],
            'ids.*' => ['integer', 'min:1'],
        ]);

        $count = DB::table('projects')
            ->where('team_id', $request->user()->team_id)
            ->whereIn('id', $validated['ids'])
            ->update(['archived_at' => now()]);

        $stale = DB::table('projects')
            ->whereRaw('team_id = ? AND updated_at < ?', [$request->user()->team_id, now()->subYear()])
            ->count();

        Log::info('projects archived', [
            'user_id' => $request->user()->id,
            'archived_count' => $count,
            'stale_count' => $stale,
        ]);

        return response()->json(['archived' => $count]);
    }

    public function attachment(Request $request, Project $project, string $file): StreamedResponse
    {
        $this->authorize('view', $project);
        $path = 'projects/' . $project->id . '/' . basename($file);
        abort_unless(Storage::disk('private')->exists($path), 404);

        return Storage::disk('private')->download($path);
    }

    public function export(Request $request, Project $project): JsonResponse
    {
        $this->authorize('view', $project);
        try {
            $location = $this->exporter->export($project);
        } catch (\Throwable $e) {
            Log::error('project export failed', ['project_id' => $project->id, 'exception' => $e]);
            return response()->json(['error' => 'export failed'], 500);
        }

        return response()->json(['location' => $location, 'checksum' => hash_file('sha256', $location)]);
    }
}
