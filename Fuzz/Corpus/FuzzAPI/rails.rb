	Rails.application.routes.draw do
  namespace :api do
    resources :posts, only: [:index, :show] do
      member do
        post :publish
      end
    end
  end
  get 'health' => 'status#show'
end
